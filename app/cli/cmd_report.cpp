// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "insights/appreport.h"
#include "insights/licensereport.h"
#include "insights/reporttable.h"
#include "insights/userreport.h"
#include "profileaccess.h"
#include "reportwriter.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QTextStream>

namespace stocktake::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::ReportCommand", text);
}

/// The bundled reference data (licensing names, list prices, high-privilege scopes, vendors).
/// resources/ does not provide it yet: reports run with an empty catalog, so product names fall
/// back to part numbers, only `price set` prices are known and no scope is flagged risky.
insights::InsightsCatalog bundledCatalog()
{
    return {};
}

/// `report apps|licenses|users`: the figures of METRICS.md as CSV or JSON.
class ReportCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("report"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("report apps|licenses|users [--format csv|json] [--output FILE] [--as-of ISO_DATE] "
                              "[--inactive-days N]");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Prints the applications, licenses or users report (columns as in METRICS.md), computed as of "
                  "the last sync.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        const auto parsed = parseArguments(arguments,
            {QStringLiteral("--format"), QStringLiteral("--output"), QStringLiteral("--as-of"),
                QStringLiteral("--inactive-days")},
            {});
        if (!parsed)
            return finish(parsed.error());
        if (parsed->positional.size() != 1)
            return finish(usageError(tr("report takes one of: apps, licenses, users.")));
        m_kind = parsed->positional.front();
        if (m_kind == QLatin1StringView("spend") || m_kind == QLatin1StringView("invoices")) {
            return finish(core::Error {QStringLiteral("cli.report_unavailable"),
                tr("`report %1` is not available in this build yet; use apps, licenses or users.").arg(m_kind),
                QStringLiteral("report %1 not implemented").arg(m_kind), core::ExitCode::Failed});
        }
        if (m_kind != QLatin1StringView("apps") && m_kind != QLatin1StringView("licenses")
            && m_kind != QLatin1StringView("users"))
            return finish(usageError(tr("Unknown report '%1': use apps, licenses or users.").arg(m_kind)));
        m_format = parsed->values.value(QStringLiteral("--format"), QStringLiteral("csv"));
        if (m_format == QLatin1StringView("pdf"))
            return finish(usageError(tr("--format pdf needs the export module, which this build does not have yet; "
                                        "use csv or json.")));
        if (m_format != QLatin1StringView("csv") && m_format != QLatin1StringView("json"))
            return finish(usageError(tr("--format is csv or json.")));
        m_output = parsed->values.value(QStringLiteral("--output"));
        if (parsed->values.contains(QStringLiteral("--output")) && m_output.isEmpty())
            return finish(usageError(tr("--output needs a file name.")));
        if (parsed->values.contains(QStringLiteral("--as-of"))) {
            const auto asOf = insights::parseAsOf(parsed->values.value(QStringLiteral("--as-of")));
            if (!asOf)
                return finish(usageError(tr("--as-of is an ISO 8601 date (2026-11-01) or date and time "
                                            "(2026-11-01T12:00:00Z).")));
            m_options.asOf = *asOf;
        }
        if (parsed->values.contains(QStringLiteral("--inactive-days"))) {
            bool ok = false;
            const int days = parsed->values.value(QStringLiteral("--inactive-days")).toInt(&ok);
            if (!ok || days < 1 || days > 3650)
                return finish(usageError(tr("--inactive-days is a whole number of days from 1 to 3650.")));
            m_options.inactiveDays = days;
        }
        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this, finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            m_access->openDatabase(*profile, {}, [this, finish](store::ProfileKeys::Opened db) {
                if (!db)
                    return finish(db.error());
                finish(report(**db));
            });
        });
    }

private:
    core::Result<insights::ReportTable> table(const store::Database &db) const
    {
        const insights::InsightsCatalog catalog = bundledCatalog();
        if (m_kind == QLatin1StringView("licenses")) {
            auto r = insights::licenseReport(db, catalog, m_options);
            return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
        }
        if (m_kind == QLatin1StringView("apps")) {
            auto r = insights::appReport(db, catalog, m_options);
            return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
        }
        auto r = insights::userReport(db, m_options);
        return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
    }

    core::Status report(const store::Database &db)
    {
        const auto result = table(db);
        if (!result)
            return result.error();
        const QString text = m_format == QLatin1StringView("json") ? toJson(*result) : toCsv(*result);
        // Why some figures are empty (activity unknown) goes to stderr, so stdout stays pure data.
        if (!result->note.isEmpty() && m_context->verbosity != core::Verbosity::Quiet)
            *m_context->err << tr("note: %1").arg(result->note) << u'\n';
        if (m_output.isEmpty()) {
            *m_context->out << text;
            m_context->out->flush();
            return {};
        }
        QSaveFile file(m_output);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            return core::Error {QStringLiteral("cli.output"),
                tr("Could not write %1: %2. Check the folder exists and is writable.")
                    .arg(QDir::toNativeSeparators(m_output), file.errorString()),
                QStringLiteral("report output write failed"), core::ExitCode::Failed};
        }
        return {};
    }

    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
    QString m_kind;
    QString m_format;
    QString m_output;
    insights::ReportOptions m_options;
};

}  // namespace

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

}  // namespace stocktake::cli
