/**
 * The code samples of {@code docs/embedding.md}: an application that embeds the library directly,
 * without the HTTP server or the CLI. Every {@code tag::name[]} region here is shown verbatim in
 * the guide, and a test checks that they agree.
 */
package dev.integrations.examples;
