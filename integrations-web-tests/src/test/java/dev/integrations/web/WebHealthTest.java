package dev.integrations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Test all", and a connection's health and usage chart in its details. */
class WebHealthTest extends WebTestBase {

  @Test
  void test_all_tests_every_connection_and_the_details_show_health_and_calls() {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");

    driver.findElement(By.id("test-all")).click();

    WebElement toast = page.toast("1 of 1 connections work.");
    assertThat(toast.getAttribute("class")).contains("toast-success");
    page.wait.until(
        d -> !"true".equals(d.findElement(By.id("test-all")).getAttribute("aria-busy")));

    page.click("telegram", "details");
    page.dialog("details-dialog");
    assertThat(driver.findElement(By.id("details-health")).getText()).startsWith("Healthy");
    page.wait.until(d -> d.findElement(By.id("details-chart-figure")).isDisplayed());
    assertThat(driver.findElement(By.id("details-chart-caption")).getText())
        .startsWith("Calls per day, last 30 days: 1")
        .contains("test 1");
    assertThat(driver.findElements(By.cssSelector("#details-chart rect"))).hasSize(60);
    screenshot("health-details");
  }

  @Test
  void test_all_names_each_connection_that_failed() {
    server.connectTelegram(user);
    page.openAs(user);
    page.waitForBadge("telegram", "Connected");
    server.standIns.botTokenRevoked = true;
    try {
      driver.findElement(By.id("test-all")).click();

      assertThat(page.toast("0 of 1 connections work.").getAttribute("class"))
          .contains("toast-error");
      assertThat(page.toast("Telegram:").getAttribute("class")).contains("toast-error");
      page.click("telegram", "details");
      page.dialog("details-dialog");
      page.wait.until(
          d ->
              d.findElement(By.id("details-health"))
                  .getText()
                  .startsWith("Needs re-authorization"));
      assertThat(driver.findElement(By.id("details-health")).getText())
          .contains("credentials_rejected");
    } finally {
      server.standIns.botTokenRevoked = false;
    }
  }
}
