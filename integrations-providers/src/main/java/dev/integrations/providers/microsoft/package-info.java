/**
 * Outlook mail and OneDrive files through Microsoft Graph, on top of the catalog's generic OAuth
 * engine. Start at {@link dev.integrations.providers.microsoft.OutlookOneDrivePlugin}.
 */
package dev.integrations.providers.microsoft;
