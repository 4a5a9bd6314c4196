package dev.integrations.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored rows and the server's answers name codes by wire name; each must read back as itself. */
class ErrorCodeTest {
  @Test
  void every_code_is_found_by_its_wire_name_and_nothing_else_is() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.ofWireName(code.wireName())).contains(code);
    }
    assertThat(ErrorCode.ofWireName("not_a_code")).isEmpty();
    assertThat(ErrorCode.ofWireName("NOT_CONNECTED")).isEmpty();
    assertThat(ErrorCode.ofWireName(null)).isEmpty();
  }
}
