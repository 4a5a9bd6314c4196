package dev.integrations.providers.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.port.MailPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.microsoft.internal.Graph;
import dev.integrations.providers.microsoft.internal.GraphMail;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The Outlook adapter: the catalog entry's OAuth, test and proxy, plus mail through Microsoft
 * Graph. {@code sendMail} answers 202 Accepted with no body: Exchange gives the message its id
 * later, in Sent Items, so a {@link SentMail} from Outlook carries no id and no thread id (both
 * null). A send is never repeated once Graph may have received it (only a 429 or a connection that
 * never opened is retried).
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/mail-api-overview">Outlook mail
 *     API</a>
 */
final class OutlookMail implements MailPort {
  private final Graph graph;

  OutlookMail(ProviderSpec spec, OkHttpClient http, RetrySettings retries) {
    this.graph = new Graph(spec, http, retries);
  }

  /** Sends the message: https://learn.microsoft.com/graph/api/user-sendmail */
  @Override
  public SentMail send(Credentials credentials, MailMessage message) {
    RequestBody body = RequestBody.create(GraphMail.sendMailBody(message), Graph.JSON);
    graph.send(
        "POST",
        graph.url("me", "sendMail").build(),
        credentials.accessToken(),
        body,
        Repeat.UNSAFE);
    return new SentMail(null, null);
  }

  /**
   * Searches the mailbox with {@code $search} (KQL: {@code from:ann subject:report}), newest first
   * when there is no query; follows {@code @odata.nextLink} until {@code maxResults} messages:
   * https://learn.microsoft.com/graph/api/user-list-messages
   */
  @Override
  public List<MailSummary> search(Credentials credentials, MailQuery query) {
    HttpUrl.Builder url =
        graph
            .url("me", "messages")
            .addQueryParameter("$top", String.valueOf(query.maxResults()))
            .addQueryParameter("$select", GraphMail.SUMMARY_FIELDS);
    if (query.query().isBlank()) {
      url.addQueryParameter("$orderby", "receivedDateTime desc");
    } else {
      url.addQueryParameter("$search", GraphMail.searchValue(query.query()));
    }
    List<MailSummary> found = new ArrayList<>();
    HttpUrl page = url.build();
    while (page != null && found.size() < query.maxResults()) {
      // ConsistencyLevel: eventual is what Graph's advanced queries ($search on directory objects)
      // need;
      // message search does not, and ignores it.
      JsonNode answer = graph.get(page, credentials.accessToken(), "ConsistencyLevel", "eventual");
      for (JsonNode message : answer.path("value")) {
        if (found.size() < query.maxResults()) {
          found.add(GraphMail.summary(message));
        }
      }
      JsonNode next = answer.get("@odata.nextLink");
      page =
          next == null || next.isNull() || answer.path("value").isEmpty()
              ? null
              : graph.nextLink(next.asText());
    }
    return found;
  }
}
