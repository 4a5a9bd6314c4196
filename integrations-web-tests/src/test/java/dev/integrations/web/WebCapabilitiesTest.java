package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A card's details say what the connection can do and offer a "try it" form per capability, which
 * acts through the same API as any client: a test message, a test mail, the last files.
 */
class WebCapabilitiesTest extends WebTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_connected_telegram_sends_a_test_message_to_a_chat_id() throws Exception {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");
    int before = server.standIns.telegramCallsTo("sendMessage").size();

    page.click("telegram", "details");
    page.dialog("details-dialog");
    assertThat(text("details-capabilities")).isEqualTo("Send messages");
    assertThat(shown("try-messages")).isTrue();
    assertThat(shown("try-mail")).isFalse();
    assertThat(shown("try-files")).isFalse();
    assertThat(text("try-chat-hint")).contains("@channelusername");
    driver.findElement(By.id("try-chat")).sendKeys("4711");
    WebElement message = driver.findElement(By.id("try-text"));
    message.clear();
    message.sendKeys("Hello from the details ✓" + Keys.ENTER);

    WebElement result = result("Sent message 42 to 4711.");
    assertThat(result.getAttribute("class")).doesNotContain("try-error");
    screenshot("try-message");
    RecordedRequest sent = server.standIns.telegramCallsTo("sendMessage").get(before);
    var params = JSON.readTree(sent.getBody().string(StandardCharsets.UTF_8));
    assertThat(params.path("chat_id").asText()).isEqualTo("4711");
    assertThat(params.path("text").asText()).isEqualTo("Hello from the details ✓");
  }

  @Test
  void a_chat_id_the_server_refuses_shows_its_sentence_and_sends_nothing() {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");
    int before = server.standIns.telegramCallsTo("sendMessage").size();
    String sentence =
        server
            .call(
                "POST",
                "/api/integrations/telegram/messages",
                user,
                "{\"chat_id\":\"not a chat\",\"text\":\"hi\"}")
            .body()
            .path("detail")
            .asText();

    page.click("telegram", "details");
    page.dialog("details-dialog");
    driver.findElement(By.id("try-chat")).sendKeys("not a chat" + Keys.ENTER);

    WebElement result = result(sentence);
    assertThat(result.getAttribute("class")).contains("try-error");
    assertThat(server.standIns.telegramCallsTo("sendMessage")).hasSize(before);
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("details-dialog");
  }

  @Test
  void a_disconnected_integration_says_what_it_could_do_and_to_connect_it_first() {
    page.openAs(user);

    page.click("gmail", "details");
    page.dialog("details-dialog");

    assertThat(text("details-capabilities")).isEqualTo("Send and search mail");
    assertThat(text("try-hint")).isEqualTo("Connect Gmail to try it.");
    assertThat(shown("try-mail")).isFalse();
    assertThat(shown("try-messages")).isFalse();
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("details-dialog");

    page.click("github", "details");
    page.dialog("details-dialog");
    assertThat(text("details-capabilities"))
        .isEqualTo("Test and disconnect only (and the API proxy)");
    assertThat(shown("try")).isFalse();
  }

  @Test
  void connected_google_accounts_send_a_test_mail_and_list_the_last_files() {
    page.openAs(user);
    driver.executeScript(
        "window.open = () => null;"); // connect in this window, as WebGoogleConnectTest does
    connectGoogle("google_drive", "Google Drive");
    driver.executeScript("window.open = () => null;");
    connectGoogle("gmail", "Gmail");

    page.click("google_drive", "details");
    page.dialog("details-dialog");
    assertThat(text("details-capabilities")).isEqualTo("List and upload files");
    driver.findElement(By.cssSelector("#try-files button[type=submit]")).click();
    result("The last 2 files:");
    assertThat(text("try-file-list")).contains("report.pdf");
    screenshot("try-files");
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waitUntilClosed("details-dialog");

    int before = server.standIns.googleCallsTo("/gmail/v1/users/me/messages/send").size();
    page.click("gmail", "details");
    page.dialog("details-dialog");
    assertThat(text("try-file-list")).as("another card's details start empty").isEmpty();
    driver.findElement(By.id("try-to")).sendKeys("bob@example.com" + Keys.ENTER);
    result("Sent mail m-sent to bob@example.com.");
    assertThat(server.standIns.googleCallsTo("/gmail/v1/users/me/messages/send"))
        .hasSize(before + 1);
  }

  private void connectGoogle(String type, String name) {
    page.click(type, "connect");
    WebElement account =
        page.waiting("the provider's sign-in form").until(d -> d.findElement(By.name("username")));
    account.sendKeys("ann");
    driver.findElement(By.cssSelector("input[type=submit]")).click();
    page.waiting("back on the page")
        .until(d -> d.getCurrentUrl().equals(server.base + "/") && page.showsEveryCard());
    page.toast(name + " connected.");
    page.waitForBadge(type, "Connected");
  }

  private WebElement result(String text) {
    return page.waiting("the try-it result \"" + text + "\"")
        .until(
            d -> {
              WebElement result = d.findElement(By.id("try-result"));
              return result.isDisplayed() && result.getText().equals(text) ? result : null;
            });
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private boolean shown(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }
}
