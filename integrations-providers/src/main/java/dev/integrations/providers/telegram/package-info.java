/**
 * The Telegram adapter of the provider ports: bot-token connections checked with the Bot API's
 * {@code getMe}, and messages sent with {@code sendMessage} within Telegram's rate limits. Start at
 * {@link dev.integrations.providers.telegram.TelegramProviders}.
 */
package dev.integrations.providers.telegram;
