/**
 * The one presentation of the library's results: the records the HTTP API answers with and the CLI
 * prints under {@code --json} (and reads back when it acts through a server), with the one JSON
 * configuration that writes and reads them ({@link
 * dev.integrations.bootstrap.presentation.JsonMapping}: snake_case, ISO-8601 instants, nulls kept).
 * It lives beside the wiring because both apps may depend on it and neither may own it; {@code
 * /openapi.json} describes exactly these shapes.
 */
package dev.integrations.bootstrap.presentation;
