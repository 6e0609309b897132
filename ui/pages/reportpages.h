// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/catalog.h"
#include "insights/reportcontext.h"
#include "models/sqltablemodel.h"

class QWidget;

namespace stocktake::ui {

class SecureClipboard;
class TablePage;

/// What every page of an open profile works with. The inactivity window is not here: every
/// report reads the profile's own (store::ProfileSettings) when it runs, so a change in Settings
/// shows on the next reload.
struct PageContext {
    models::ConnectionFactory connect;
    insights::InsightsCatalog catalog;  ///< the bundled one (insights::loadBundledCatalog) in the app
    SecureClipboard *clipboard = nullptr;
};

/// The report options of the open profile: its inactivity window from the settings table.
[[nodiscard]] core::Result<insights::ReportOptions> profileReportOptions(const store::Database &db);

/// Licenses: one row per subscribed SKU with the METRICS.md figures; the detail pane is the
/// SKU's reclaim list (its inactive and disabled holders).
TablePage *makeLicensesPage(const PageContext &context, QWidget *parent);
/// Applications: the merged inventory; the detail pane shows an app's people and grants.
TablePage *makeApplicationsPage(const PageContext &context, QWidget *parent);
/// Users: every person (SQL-backed, 100,000 rows stay smooth); the detail pane shows a person's
/// licences and apps.
TablePage *makeUsersPage(const PageContext &context, QWidget *parent);
/// The Users page's table: every person not restricted (GDPR Art. 18), its columns and key.
[[nodiscard]] models::TableQuery usersTableQuery();

/// Translated headers for the METRICS.md column names.
[[nodiscard]] QHash<QString, QString> columnHeaders();

}  // namespace stocktake::ui
