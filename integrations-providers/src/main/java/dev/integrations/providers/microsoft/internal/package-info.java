/**
 * Implementation detail of the Microsoft Graph adapters (calls, errors, mail JSON, upload
 * sessions). Nothing outside {@code dev.integrations.providers.microsoft} may use it.
 */
package dev.integrations.providers.microsoft.internal;
