package dev.integrations.core.error;

import dev.integrations.core.model.IntegrationType;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user granted fewer scopes than the integration requires. The grant is kept, the connection is
 * marked {@link ErrorCode#MISSING_SCOPES}, and this names the missing scopes.
 */
public class MissingScopesException extends AuthorizationFailedException {
  private static final long serialVersionUID = 1L;

  /** The required scopes the grant lacks. */
  private final Set<String> missingScopes;

  /** A grant of {@code type} that lacks {@code missingScopes}. */
  public MissingScopesException(IntegrationType type, Set<String> missingScopes) {
    super(ErrorCode.MISSING_SCOPES, describe(missingScopes), type);
    this.missingScopes = Set.copyOf(missingScopes);
  }

  /** The sentence shown for a grant that lacks {@code missingScopes}. */
  public static String describe(Set<String> missingScopes) {
    return "Permissions not granted: "
        + String.join(", ", new TreeSet<>(missingScopes))
        + ". Connect again and allow every requested permission.";
  }

  /** The scopes the integration needs that the grant lacks. */
  public Set<String> missingScopes() {
    return missingScopes;
  }
}
