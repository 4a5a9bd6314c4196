package dev.integrations.core.port;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenConnection;
import java.util.Map;
import java.util.TreeSet;

/**
 * A provider whose users connect by handing over a long-lived token: a bot token (Telegram,
 * Discord) or an API key (WhatsApp Business's system-user token, with the connection's phone number
 * id).
 */
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

  /**
   * Checks a token with the connection's values ({@code config}, the catalog's {@code
   * connection_config}), then asks the provider who it belongs to; returns that account and the
   * credentials to store. By default a provider takes no values: any is refused, and the token
   * alone is stored.
   *
   * @throws InvalidRequestException {@code invalid_request} when a value is missing, unknown or
   *     malformed; {@code invalid_credentials} when the provider refuses the token or the values
   */
  default TokenConnection validate(Secret token, Map<String, String> config) {
    if (!config.isEmpty()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_REQUEST,
          integration().name()
              + " takes no connection values; remove config "
              + new TreeSet<>(config.keySet())
              + ".");
    }
    return new TokenConnection(validate(token), Credentials.ofToken(token));
  }

  /**
   * The name of the token's field at connect: {@code bot_token}, or {@code api_key} for an API key.
   */
  default String tokenField() {
    return "bot_token";
  }
}
