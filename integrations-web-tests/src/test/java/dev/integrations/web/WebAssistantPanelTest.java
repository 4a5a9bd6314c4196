package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The "Use with an AI assistant" panel: the MCP URL of this server, for the signed-in user only.
 */
class WebAssistantPanelTest extends WebTestBase {

  @Test
  void a_signed_in_user_sees_the_mcp_url_and_how_to_get_a_token() {
    page.openAs(user);

    WebElement panel = driver.findElement(By.id("ai-assistant"));
    assertThat(panel.isDisplayed()).isTrue();
    assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Use with an AI assistant");
    assertThat(driver.findElement(By.id("ai-assistant-url")).getDomProperty("value"))
        .isEqualTo(server.base + "/mcp");
    assertThat(driver.findElement(By.id("ai-assistant-user")).getText()).isEqualTo(user);
    assertThat(panel.getText())
        .contains("Authorization: Bearer")
        .contains("integrations token --user")
        .contains("integrations mcp --user");
    driver.executeScript("arguments[0].scrollIntoView()", panel);
    screenshot("assistant-panel");

    page.forgetToken();
    driver.get(server.base + "/");
    assertThat(driver.findElement(By.id("ai-assistant")).isDisplayed())
        .as("without a token")
        .isFalse();
  }
}
