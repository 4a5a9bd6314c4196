package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The page lists the user's integrations, takes its token from the host app, and asks for one
 * otherwise.
 */
class WebPageTest extends WebTestBase {

  @Test
  void shows_a_card_per_integration_from_the_api() {
    driver.manage().logs().get(LogType.BROWSER); // start from an empty console
    page.openAs(user);

    assertThat(page.cards())
        .extracting(card -> card.findElement(By.cssSelector("h2")).getText())
        .containsExactly(
            "Gmail",
            "Google Drive",
            "Telegram",
            "Slack",
            "GitHub",
            "Outlook",
            "OneDrive",
            "Microsoft Teams",
            "Notion",
            "Discord",
            "Dropbox",
            "WhatsApp Business");
    assertThat(page.card("gmail").getText())
        .contains("Send and receive emails via Gmail API")
        .contains("Last sync: never");
    assertThat(page.card("google_drive").getText())
        .contains("Upload and manage files in Google Drive");
    assertThat(page.card("telegram").getText()).contains("Send messages via Telegram bot");
    for (String type : List.of("gmail", "google_drive", "telegram")) {
      assertThat(page.badge(type)).isEqualTo("Disconnected");
      assertThat(page.button(type, "connect").isDisplayed()).isTrue();
      assertThat(page.button(type, "disconnect").isDisplayed()).isFalse();
    }
    assertThat(icon("gmail")).isEqualTo("#icon-mail");
    assertThat(icon("google_drive")).isEqualTo("#icon-hard-drive");
    assertThat(icon("telegram")).isEqualTo("#icon-message-circle");
    // Slack needs an OAuth client this server does not have: it says so instead of offering a
    // Connect
    // that would fail. Discord takes a bot token, which needs no client.
    assertThat(page.card("slack").getText()).contains("Not configured on this server");
    assertThat(page.button("slack", "connect").isDisplayed()).isFalse();
    assertThat(page.button("discord", "connect").isDisplayed()).isTrue();
    screenshot("cards");

    // No script error and no content-security-policy violation on the way.
    List<LogEntry> problems =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(problems).isEmpty();
  }

  @Test
  void takes_the_token_from_the_address_bar_and_removes_it() {
    String token = server.token(user);
    page.forgetToken(); // a tab without another user's token: that case asks first (WebConsentTest)
    driver.get(server.base + "/#token=" + token);
    page.wait.until(d -> page.showsEveryCard());

    assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/").doesNotContain(token);
    assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isFalse();

    driver.navigate().refresh(); // kept for the tab's session, not in the address bar
    page.wait.until(d -> page.showsEveryCard());
    assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isFalse();
  }

  @Test
  void without_a_token_asks_for_one_and_a_refused_token_asks_again() {
    driver.get(server.base + "/");
    driver.executeScript("sessionStorage.clear()");
    driver.navigate().refresh();

    WebElement prompt =
        page.wait.until(
            d ->
                d.findElement(By.id("sign-in")).isDisplayed()
                    ? d.findElement(By.id("sign-in"))
                    : null);
    assertThat(page.cards()).isEmpty();
    screenshot("token-prompt");

    page.active().sendKeys("not-a-jwt\n");
    page.wait.until(d -> d.findElement(By.id("sign-in-error")).isDisplayed());
    assertThat(driver.findElement(By.id("sign-in-error")).getText()).contains("refused");
    assertThat(page.cards()).isEmpty();

    driver.findElement(By.id("token-input")).sendKeys(server.token(user) + "\n");
    page.wait.until(d -> page.showsEveryCard());
    assertThat(prompt.isDisplayed()).isFalse();
  }

  @Test
  void forgetting_the_token_shows_the_prompt_again() {
    page.openAs(user);
    driver.findElement(By.id("forget-token")).click();

    page.wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
    assertThat(page.cards()).isEmpty();
    assertThat((Object) driver.executeScript("return sessionStorage.getItem('integrations.token')"))
        .isNull();
  }

  @Test
  void the_refresh_button_shows_changes_made_elsewhere() {
    page.openAs(user);
    assertThat(page.badge("telegram")).isEqualTo("Disconnected");

    server.connectTelegram(user); // from another tab, the CLI or the host app
    driver.findElement(By.id("refresh")).click();

    page.waitForBadge("telegram", "Connected");
  }

  @Test
  void the_grid_has_one_column_on_a_phone_and_several_on_a_desktop() {
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      page.openAs(user);
      assertThat(page.cards())
          .extracting(card -> card.getLocation().getX())
          .containsOnly(page.cards().get(0).getLocation().getX());
      screenshot("phone");

      driver.manage().window().setSize(new Dimension(1280, 900));
      page.wait.until(
          d ->
              page.cards().get(1).getLocation().getY() == page.cards().get(0).getLocation().getY());
      List<WebElement> firstRow =
          page.cards().stream()
              .filter(card -> card.getLocation().getY() == page.cards().get(0).getLocation().getY())
              .toList();
      assertThat(firstRow).as("cards side by side on a desktop").hasSizeGreaterThanOrEqualTo(3);
      assertThat(firstRow).extracting(card -> card.getLocation().getX()).doesNotHaveDuplicates();
      screenshot("desktop");
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void the_page_is_served_with_a_strict_content_security_policy() {
    HttpResponse<String> response = server.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "style-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.body())
        .doesNotContain("<script>")
        .doesNotContain("style=")
        .doesNotContain("https://");
    assertThat(server.get("/web/app.js").statusCode()).isEqualTo(200);
    assertThat(server.get("/web/app.css").statusCode()).isEqualTo(200);
    assertThat(server.get("/web/index.html").statusCode()).isEqualTo(404);
  }

  private String icon(String type) {
    return page.card(type).findElement(By.cssSelector(".icon use")).getAttribute("href");
  }
}
