package dev.integrations.core.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a success or a failure writes on an existing connection, and what it returns. */
class ConnectionRecorderTest {
  private static final UserId ANN = UserId.of("ann");
  private static final ConnectionKey KEY = new ConnectionKey(ANN, IntegrationType.GMAIL);
  private static final Account FIRST = new Account("1", "ann@example.com");

  private final TestRig rig = new TestRig();
  private final ConnectionRecorder recorder =
      new ConnectionRecorder(
          rig.connections, new EventPublisher(List.of(rig.events::add), rig.clock), rig.clock);

  @BeforeEach
  void connected() {
    rig.connections.save(Connection.connected(ANN, IntegrationType.GMAIL, TestRig.T0, FIRST));
    rig.clock.advance(Duration.ofMinutes(5));
  }

  @Test
  void a_success_without_an_account_keeps_the_known_one_and_marks_the_sync() {
    Connection recorded = recorder.recordSuccess(KEY, null).orElseThrow();

    assertThat(recorded.account()).isEqualTo(FIRST);
    assertThat(recorded.lastSync()).isEqualTo(TestRig.T0.plus(Duration.ofMinutes(5)));
    assertThat(recorder.find(KEY)).contains(recorded);
  }

  @Test
  void a_success_with_an_account_records_it() {
    Account renamed = new Account("1", "ann@example.org");

    Connection recorded = recorder.recordSuccess(KEY, renamed).orElseThrow();

    assertThat(recorded.account()).isEqualTo(renamed);
    assertThat(rig.connections.find(ANN, IntegrationType.GMAIL)).contains(recorded);
  }

  @Test
  void a_failure_is_stored_returned_and_told() {
    Connection recorded =
        recorder
            .recordFailure(
                KEY,
                ErrorCode.REAUTHORIZATION_REQUIRED,
                "Connect again.",
                ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED)
            .orElseThrow();

    assertThat(recorded.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(recorded.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(recorded.lastErrorMessage()).isEqualTo("Connect again.");
    assertThat(rig.connections.find(ANN, IntegrationType.GMAIL)).contains(recorded);
    assertThat(rig.events)
        .singleElement()
        .extracting(ConnectionEvent::kind)
        .isEqualTo(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
  }
}
