// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpages.h"

#include "insights/appreport.h"
#include "insights/licensereport.h"
#include "insights/reporttable.h"
#include "insights/userreport.h"
#include "models/reportmodel.h"
#include "pages/detailpane.h"
#include "pages/tablepage.h"
#include "store/database.h"
#include "store/profilesettings.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTableView>

namespace stocktake::ui {

namespace {

// lupdate files a call to a file-local tr() in a free function or a lambda under the enclosing
// namespace, so the pages say Text::tr (scripts/check-i18n-contexts).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(stocktake::ui::ReportPages)
};

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : Text::tr("never");
}

int columnOf(const models::SearchableTableModel *model, const QString &key)
{
    return int(model->columnKeys().indexOf(key));
}

QString valueOf(const models::SearchableTableModel *model, const QVariantList &row, const QString &key)
{
    const int c = columnOf(model, key);
    return c >= 0 && c < row.size() ? row.at(c).toString() : QString();
}

}  // namespace

core::Result<insights::ReportOptions> profileReportOptions(const store::Database &db)
{
    auto days = store::ProfileSettings::inactiveDays(db);
    if (!days)
        return days.error();
    insights::ReportOptions options;
    options.inactiveDays = *days;
    return options;
}

namespace {

/// What a detail pane builds from the database, in the report frame the tables use.
using DetailBuilder = std::function<core::Result<QList<DetailPane::Section>>(
    const store::Database &db, const insights::ReportContext &context)>;

/// A detail pane's loader (it runs on a worker thread): opens the profile's database, resolves the
/// frame (the profile's inactivity window, as of the last sync), then builds.
DetailPane::Loader detailLoader(const models::ConnectionFactory &connect, DetailBuilder build)
{
    return [connect, build = std::move(build)]() -> core::Result<QList<DetailPane::Section>> {
        auto db = connect();
        if (!db)
            return db.error();
        auto options = profileReportOptions(**db);
        if (!options)
            return options.error();
        auto ctx = insights::resolveContext(**db, *options);
        if (!ctx)
            return ctx.error();
        return build(**db, *ctx);
    };
}

}  // namespace

QHash<QString, QString> columnHeaders()
{
    return {
        {QStringLiteral("sku_id"), Text::tr("SKU id")},
        {QStringLiteral("sku_part_number"), Text::tr("Part number")},
        {QStringLiteral("product_name"), Text::tr("Product")},
        {QStringLiteral("status"), Text::tr("Status")},
        {QStringLiteral("purchased"), Text::tr("Purchased")},
        {QStringLiteral("assigned"), Text::tr("Assigned")},
        {QStringLiteral("assigned_users"), Text::tr("Assigned users")},
        {QStringLiteral("unassigned"), Text::tr("Unassigned")},
        {QStringLiteral("active"), Text::tr("Active")},
        {QStringLiteral("inactive"), Text::tr("Inactive")},
        {QStringLiteral("disabled"), Text::tr("Disabled")},
        {QStringLiteral("reclaimable"), Text::tr("Reclaimable")},
        {QStringLiteral("unit_price"), Text::tr("Unit price")},
        {QStringLiteral("currency"), Text::tr("Currency")},
        {QStringLiteral("period"), Text::tr("Period")},
        {QStringLiteral("monthly_waste"), Text::tr("Monthly waste")},
        {QStringLiteral("app_key"), Text::tr("App id")},
        {QStringLiteral("name"), Text::tr("Name")},
        {QStringLiteral("vendor"), Text::tr("Vendor")},
        {QStringLiteral("category"), Text::tr("Category")},
        {QStringLiteral("sources"), Text::tr("Seen in")},
        {QStringLiteral("first_party"), Text::tr("Microsoft")},
        {QStringLiteral("users_30d"), Text::tr("People (30 days)")},
        {QStringLiteral("sign_ins_30d"), Text::tr("Sign-ins (30 days)")},
        {QStringLiteral("last_used"), Text::tr("Last used")},
        {QStringLiteral("grant_users"), Text::tr("Consented")},
        {QStringLiteral("risky_scopes"), Text::tr("High-privilege scopes")},
        {QStringLiteral("annual_spend"), Text::tr("Annual spend")},
        {QStringLiteral("user_id"), Text::tr("User id")},
        {QStringLiteral("upn"), Text::tr("User principal name")},
        {QStringLiteral("display_name"), Text::tr("Name")},
        {QStringLiteral("department"), Text::tr("Department")},
        {QStringLiteral("job_title"), Text::tr("Job title")},
        {QStringLiteral("account_enabled"), Text::tr("Enabled")},
        {QStringLiteral("user_type"), Text::tr("Type")},
        {QStringLiteral("licenses"), Text::tr("Licenses")},
        {QStringLiteral("last_active"), Text::tr("Last active")},
        {QStringLiteral("apps_30d"), Text::tr("Apps (30 days)")},
    };
}

TablePage *makeLicensesPage(const PageContext &context, QWidget *parent)
{
    auto *model = new models::ReportModel(
        [catalog = context.catalog](const store::Database &db) -> core::Result<insights::ReportTable> {
            auto options = profileReportOptions(db);
            if (!options)
                return options.error();
            auto report = insights::licenseReport(db, catalog, *options);
            if (!report)
                return report.error();
            return insights::toTable(*report);
        },
        context.connect, columnHeaders(), {QStringLiteral("sku_part_number"), QStringLiteral("product_name")});
    auto *page = new TablePage(model, context.clipboard, parent);
    model->setParent(page);
    page->setObjectName(QStringLiteral("licensesPage"));
    page->setPersonalData(false);
    page->setExportFileName(Text::tr("licenses.csv"));
    QObject::connect(
        model, &models::ReportModel::refreshed, page, [page] { page->hideColumns({QStringLiteral("sku_id")}); });
    auto *detail = new DetailPane(page);
    page->setDetailWidget(detail);
    QObject::connect(page, &TablePage::currentRowChanged, detail, [model, detail, context](const QVariantList &row) {
        const QString skuId = valueOf(model, row, QStringLiteral("sku_id"));
        if (skuId.isEmpty())
            return detail->clear();
        detail->show(valueOf(model, row, QStringLiteral("product_name")),
            Text::tr("Reclaim list: holders who are disabled, or enabled and not active within the inactivity window."),
            detailLoader(context.connect,
                [skuId](const store::Database &db,
                    const insights::ReportContext &ctx) -> core::Result<QList<DetailPane::Section>> {
                    auto rows = insights::skuReclaimList(db, ctx, skuId);
                    if (!rows)
                        return rows.error();
                    DetailPane::Section section {
                        Text::tr("Reclaim list (not active in the last %n day(s))", nullptr, ctx.inactiveDays),
                        {Text::tr("Name"), Text::tr("User principal name"), Text::tr("Reason"),
                            Text::tr("Last active")},
                        {}, ctx.activityKnown ? QString() : ctx.activityReason};
                    for (const auto &r : *rows) {
                        section.rows.append({r.displayName, r.upn,
                            r.reason == insights::ReclaimRow::Reason::Disabled ? Text::tr("disabled")
                                                                               : Text::tr("inactive"),
                            localTime(r.lastActive)});
                    }
                    return QList<DetailPane::Section> {section};
                }));
    });
    return page;
}

TablePage *makeApplicationsPage(const PageContext &context, QWidget *parent)
{
    auto *model = new models::ReportModel(
        [catalog = context.catalog](const store::Database &db) -> core::Result<insights::ReportTable> {
            auto options = profileReportOptions(db);
            if (!options)
                return options.error();
            auto report = insights::appReport(db, catalog, *options);
            if (!report)
                return report.error();
            return insights::toTable(*report);
        },
        context.connect, columnHeaders(),
        {QStringLiteral("name"), QStringLiteral("vendor"), QStringLiteral("category"), QStringLiteral("app_key")});
    auto *page = new TablePage(model, context.clipboard, parent);
    model->setParent(page);
    page->setObjectName(QStringLiteral("applicationsPage"));
    page->setPersonalData(false);
    page->setExportFileName(Text::tr("applications.csv"));
    QObject::connect(
        model, &models::ReportModel::refreshed, page, [page] { page->hideColumns({QStringLiteral("app_key")}); });
    auto *detail = new DetailPane(page);
    page->setDetailWidget(detail);
    QObject::connect(page, &TablePage::currentRowChanged, detail, [model, detail, context](const QVariantList &row) {
        const QString appKey = valueOf(model, row, QStringLiteral("app_key"));
        if (appKey.isEmpty())
            return detail->clear();
        const QString sources = valueOf(model, row, QStringLiteral("sources"));
        detail->show(valueOf(model, row, QStringLiteral("name")), Text::tr("Seen in: %1").arg(sources),
            detailLoader(context.connect,
                [catalog = context.catalog, appKey](const store::Database &db,
                    const insights::ReportContext &ctx) -> core::Result<QList<DetailPane::Section>> {
                    if (appKey.startsWith(QStringLiteral("vendor:")))
                        return QList<DetailPane::Section> {
                            {Text::tr("Billing only"), {}, {}, Text::tr("Found only in billing mail; no sign-ins.")}};
                    auto users = insights::appUsers(db, ctx, {appKey});
                    if (!users)
                        return users.error();
                    auto grants = insights::appGrants(db, catalog, {appKey});
                    if (!grants)
                        return grants.error();
                    DetailPane::Section people {Text::tr("People"),
                        {Text::tr("Name"), Text::tr("User principal name"), Text::tr("Sign-ins (30 days)"),
                            Text::tr("Last used")},
                        {}, users->isEmpty() ? Text::tr("No successful sign-ins are known.") : QString()};
                    for (const auto &u : *users)
                        people.rows.append(
                            {u.displayName, u.upn, QLocale().toString(u.signIns30d), localTime(u.lastUsed)});
                    DetailPane::Section consents {Text::tr("Permission grants"),
                        {Text::tr("Consent"), Text::tr("Person"), Text::tr("Resource"), Text::tr("Scopes")}, {},
                        grants->isEmpty() ? Text::tr("No delegated permission grants.") : QString()};
                    for (const auto &g : *grants) {
                        consents.rows.append(
                            {g.consentType == QStringLiteral("AllPrincipals") ? Text::tr("admin, for everyone")
                                                                              : Text::tr("one person"),
                                g.principalUpn, g.resource, g.scopes.join(u' ')});
                    }
                    return QList<DetailPane::Section> {people, consents};
                }));
    });
    return page;
}

models::TableQuery usersTableQuery()
{
    using models::TableColumn;
    models::TableQuery query;
    query.from
        = QStringLiteral("FROM users u LEFT JOIN subject_restriction r ON r.user_id = u.id WHERE r.user_id IS NULL");
    query.keyColumnSql = QStringLiteral("u.id");
    const auto h = columnHeaders();
    query.columns = {
        {QStringLiteral("display_name"), h.value(QStringLiteral("display_name")), QStringLiteral("u.display_name"),
            TableColumn::Kind::Text, true},
        {QStringLiteral("upn"), h.value(QStringLiteral("upn")), QStringLiteral("u.upn"), TableColumn::Kind::Text, true},
        {QStringLiteral("department"), h.value(QStringLiteral("department")), QStringLiteral("u.department"),
            TableColumn::Kind::Text, true},
        {QStringLiteral("job_title"), h.value(QStringLiteral("job_title")), QStringLiteral("u.job_title"),
            TableColumn::Kind::Text, false},
        {QStringLiteral("account_enabled"), h.value(QStringLiteral("account_enabled")),
            QStringLiteral("u.account_enabled"), TableColumn::Kind::Boolean, false},
        {QStringLiteral("user_type"), h.value(QStringLiteral("user_type")), QStringLiteral("u.user_type"),
            TableColumn::Kind::Text, false},
        // users.licenses (schema 6): part numbers in order, '' for none, kept by triggers; a
        // known "none" sorts as a value, and the sorts read its indexes.
        {QStringLiteral("licenses"), h.value(QStringLiteral("licenses")), QStringLiteral("u.licenses"),
            TableColumn::Kind::Text, false, true},
        // The column, not insights::lastActiveSql(): SQLite sorts by it through its indexes (schema 6).
        {QStringLiteral("last_active"), h.value(QStringLiteral("last_active")), QStringLiteral("u.last_active"),
            TableColumn::Kind::DateTime, false},
        {QStringLiteral("user_id"), h.value(QStringLiteral("user_id")), QStringLiteral("u.id"), TableColumn::Kind::Text,
            false},
    };
    return query;
}

TablePage *makeUsersPage(const PageContext &context, QWidget *parent)
{
    auto *model = new models::SqlTableModel(usersTableQuery(), context.connect);
    auto *page = new TablePage(model, context.clipboard, parent);
    model->setParent(page);
    page->setObjectName(QStringLiteral("usersPage"));
    page->setExportFileName(Text::tr("users.csv"));
    page->hideColumns({QStringLiteral("user_id")});
    // People by name, as an admin looks for them (an index read since schema 6, not a sort).
    page->view()->sortByColumn(0, Qt::AscendingOrder);
    auto *detail = new DetailPane(page);
    page->setDetailWidget(detail);
    QObject::connect(page, &TablePage::currentRowChanged, detail, [model, detail, context](const QVariantList &row) {
        const QString userId = valueOf(model, row, QStringLiteral("user_id"));
        if (userId.isEmpty())
            return detail->clear();
        detail->show(valueOf(model, row, QStringLiteral("display_name")), valueOf(model, row, QStringLiteral("upn")),
            detailLoader(context.connect,
                [catalog = context.catalog, userId](const store::Database &db,
                    const insights::ReportContext &ctx) -> core::Result<QList<DetailPane::Section>> {
                    auto licenses = insights::userLicenses(db, catalog, userId);
                    if (!licenses)
                        return licenses.error();
                    auto apps = insights::userApps(db, ctx, userId);
                    if (!apps)
                        return apps.error();
                    DetailPane::Section lic {Text::tr("Licenses"),
                        {Text::tr("Product"), Text::tr("Part number"), Text::tr("How")}, {},
                        licenses->isEmpty() ? Text::tr("No licenses.") : QString()};
                    for (const auto &l : *licenses)
                        lic.rows.append({l.productName, l.skuPartNumber,
                            l.assignedByGroup.isEmpty() ? Text::tr("direct") : Text::tr("through a group")});
                    DetailPane::Section used {Text::tr("Apps (30 days)"),
                        {Text::tr("App"), Text::tr("Sign-ins"), Text::tr("Last used")}, {},
                        apps->isEmpty() ? Text::tr("No successful sign-ins in the last 30 days.") : QString()};
                    for (const auto &a : *apps)
                        used.rows.append({a.name, QLocale().toString(a.signIns30d), localTime(a.lastUsed)});
                    return QList<DetailPane::Section> {lic, used};
                }));
    });
    return page;
}

}  // namespace stocktake::ui
