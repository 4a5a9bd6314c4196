package dev.integrations.core.port;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Secret;

/** A provider whose users connect by handing over a long-lived token (a Telegram bot token). */
public interface BotTokenProviderPort extends ProviderPort {

  /**
   * Checks a token's shape, then asks the provider who it belongs to.
   *
   * @return the account the token acts as
   * @throws dev.integrations.core.error.InvalidRequestException with {@link
   *     dev.integrations.core.error.ErrorCode#INVALID_CREDENTIALS} when the token is malformed or
   *     refused
   */
  Account validate(Secret token);
}
