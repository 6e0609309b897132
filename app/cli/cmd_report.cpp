// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "export/atomicfile.h"
#include "export/csvwriter.h"
#include "export/jsonwriter.h"
#include "export/pdfreportwriter.h"
#include "export/reportexport.h"
#include "insights/appreport.h"
#include "insights/bundledcatalog.h"
#include "insights/licensereport.h"
#include "insights/reporttable.h"
#include "insights/userreport.h"
#include "profileaccess.h"
#include "store/database.h"
#include "store/profilesettings.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileDevice>
#include <QGuiApplication>
#include <QTextStream>

namespace stocktake::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::ReportCommand", text);
}

/// Writes a report table as CSV or JSON to `device`, row by row.
bool writeText(QIODevice &device, const insights::ReportTable &table, const QString &format)
{
    const QList<exporting::Column> columns = exporting::columnsOf(table);
    if (format == QLatin1StringView("json")) {
        exporting::JsonWriter json(&device, columns);
        if (!json.begin())
            return false;
        for (const auto &row : table.rows) {
            if (!json.writeRow(exporting::rowOf(row)))
                return false;
        }
        return json.end();
    }
    exporting::CsvWriter csv(&device, columns);
    if (!csv.writeHeader())
        return false;
    for (const auto &row : table.rows) {
        if (!csv.writeRow(exporting::rowOf(row)))
            return false;
    }
    return true;
}

/// `report apps|licenses|users`: the figures of METRICS.md as CSV, JSON or PDF, read with the
/// bundled catalog (product names, list prices, high-privilege scopes, vendors).
class ReportCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("report"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("report apps|licenses|users [--format csv|json|pdf] [--output FILE] "
                              "[--as-of ISO_DATE] [--inactive-days N]");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Prints the applications, licenses or users report (columns as in METRICS.md), computed as of "
                  "the last sync; pdf needs --output.");
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
        if (m_format != QLatin1StringView("csv") && m_format != QLatin1StringView("json")
            && m_format != QLatin1StringView("pdf"))
            return finish(usageError(tr("--format is csv, json or pdf.")));
        m_output = parsed->values.value(QStringLiteral("--output"));
        if (parsed->values.contains(QStringLiteral("--output")) && m_output.isEmpty())
            return finish(usageError(tr("--output needs a file name.")));
        if (m_format == QLatin1StringView("pdf") && m_output.isEmpty())
            return finish(usageError(tr("--format pdf needs --output FILE: a PDF is not written to a terminal.")));
        if (m_format == QLatin1StringView("pdf") && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            return finish(core::Error {QStringLiteral("cli.pdf_unavailable"),
                tr("PDF reports need Qt's graphics module, which did not start. Use csv or json."),
                QStringLiteral("no QGuiApplication"), core::ExitCode::Failed});
        }
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
            if (!ok || days < store::ProfileSettings::kInactiveDaysMin
                || days > store::ProfileSettings::kInactiveDaysMax)
                return finish(usageError(tr("--inactive-days is a whole number of days from 1 to 3650.")));
            m_inactiveDays = days;
        }
        auto catalog = insights::loadBundledCatalog();
        if (!catalog)
            return finish(catalog.error());
        m_catalog = std::move(catalog.value());
        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this, finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            m_profileName = profile->name;
            m_access->openDatabase(*profile, {}, [this, finish](store::ProfileKeys::Opened db) {
                if (!db)
                    return finish(db.error());
                finish(report(**db));
            });
        });
    }

private:
    core::Result<insights::ReportTable> table(const store::Database &db)
    {
        // Without --inactive-days, the profile's own window (set in the app's Settings), so the
        // command line and the window give the same figures.
        if (m_inactiveDays) {
            m_options.inactiveDays = *m_inactiveDays;
        } else {
            auto days = store::ProfileSettings::inactiveDays(db);
            if (!days)
                return days.error();
            m_options.inactiveDays = *days;
        }
        if (m_kind == QLatin1StringView("licenses")) {
            auto r = insights::licenseReport(db, m_catalog, m_options);
            return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
        }
        if (m_kind == QLatin1StringView("apps")) {
            auto r = insights::appReport(db, m_catalog, m_options);
            return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
        }
        auto r = insights::userReport(db, m_options);
        return r ? core::Result<insights::ReportTable>(insights::toTable(*r)) : r.error();
    }

    [[nodiscard]] QString pdfTitle() const
    {
        if (m_kind == QLatin1StringView("licenses"))
            return tr("License use");
        if (m_kind == QLatin1StringView("apps"))
            return tr("Applications");
        return tr("Users");
    }

    core::Status report(const store::Database &db)
    {
        const auto result = table(db);
        if (!result)
            return result.error();
        // Why some figures are empty (activity unknown) goes to stderr, so stdout stays pure data.
        if (!result->note.isEmpty() && m_context->verbosity != core::Verbosity::Quiet)
            *m_context->err
                << QCoreApplication::translate("stocktake::cli::ReportCommand", "note: %1").arg(result->note) << u'\n';
        if (m_format == QLatin1StringView("pdf")) {
            exporting::PdfReportWriter::Report pdf;
            pdf.title = pdfTitle();
            pdf.profileName = m_profileName;
            pdf.asOf = result->asOf;
            pdf.generated = m_context->clock ? m_context->clock->nowUtc() : QDateTime::currentDateTimeUtc();
            pdf.columns = exporting::columnsOf(*result);
            pdf.rows.reserve(result->rows.size());
            for (const auto &row : result->rows)
                pdf.rows.append(exporting::rowOf(row));
            return exporting::writeFileAtomically(m_output,
                [&pdf](QIODevice &device) { return exporting::PdfReportWriter::write(&device, pdf).pages > 0; });
        }
        if (!m_output.isEmpty()) {
            return exporting::writeFileAtomically(
                m_output, [this, &result](QIODevice &device) { return writeText(device, *result, m_format); });
        }
        return toStandardOutput(*result);
    }

    /// CSV/JSON to standard output: streamed to the stream's own device when it has one.
    core::Status toStandardOutput(const insights::ReportTable &table)
    {
        QTextStream &out = *m_context->out;
        out.flush();
        bool ok = false;
        if (QIODevice *device = out.device()) {
            ok = writeText(*device, table, m_format);
            if (auto *file = qobject_cast<QFileDevice *>(device))
                ok = file->flush() && ok;
        } else {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            ok = writeText(buffer, table, m_format);
            out << QString::fromUtf8(buffer.data());
            out.flush();
        }
        if (!ok) {
            return core::Error {QStringLiteral("cli.output"),
                QCoreApplication::translate("stocktake::cli::ReportCommand",
                    "The report could not be written to standard output. Check where it is redirected."),
                QStringLiteral("stdout write failed"), core::ExitCode::Failed};
        }
        return {};
    }

    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
    insights::InsightsCatalog m_catalog;
    QString m_kind;
    QString m_format;
    QString m_output;
    QString m_profileName;
    std::optional<int> m_inactiveDays;
    insights::ReportOptions m_options;
};

}  // namespace

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

}  // namespace stocktake::cli
