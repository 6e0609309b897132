// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "insights/bundledcatalog.h"
#include "insights/changes.h"
#include "profileaccess.h"
#include "signinsession.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

namespace stocktake::cli {

namespace {

Q_LOGGING_CATEGORY(lcSyncCommand, "stocktake.cli.sync")

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::SyncCommand", text);
}

QString formatSeconds(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg((seconds + 30) / 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

/// `sync [--only LIST] [--full]`: runs the sync engine on its worker thread and reports as it
/// goes: a one-line progress bar on a terminal, plain lines otherwise (stderr), and a summary
/// per entity on stdout. The exit code is the first failed entity's.
class SyncCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("sync"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("sync [--only LIST] [--full] [--signin-days N]");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr(
            "Syncs the tenant from Microsoft Graph into the encrypted store: incremental by default "
            "(delta links, sign-in high-water mark); LIST from organization,users,groups,licenses,apps,"
            "grants,signins,usage. --signin-days: how many days of sign-in history to backfill (1 to 30, default 30).");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        m_finish = std::move(finish);
        const auto parsed = parseArguments(
            arguments, {QStringLiteral("--only"), QStringLiteral("--signin-days")}, {QStringLiteral("--full")});
        if (!parsed)
            return m_finish(parsed.error());
        if (!parsed->positional.isEmpty())
            return m_finish(usageError(tr("sync takes no arguments besides --only, --full and --signin-days.")));
        QStringList only;
        const QString list = parsed->values.value(QStringLiteral("--only"));
        for (const QString &part : list.split(u',', Qt::SkipEmptyParts))
            only.append(part.trimmed());
        const auto entities = sync::selectEntities(only);
        if (!entities)
            return m_finish(entities.error());
        m_request.entities = *entities;
        m_request.full = parsed->flags.contains(QStringLiteral("--full"));
        if (parsed->values.contains(QStringLiteral("--signin-days"))) {
            bool ok = false;
            const int days = parsed->values.value(QStringLiteral("--signin-days")).toInt(&ok);
            if (!ok || days < 1 || days > 30)
                return m_finish(usageError(tr("--signin-days is a whole number from 1 to 30.")));
            m_request.signInDays = days;
        }

        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this](core::Result<store::Profile> profile) {
            if (!profile)
                return m_finish(profile.error());
            m_profile = *profile;
            // Opening once here applies migrations and finishes an interrupted rekey, so the
            // key read next is the one that opens the file.
            m_access->openDatabase(m_profile, {}, [this](store::ProfileKeys::Opened db) {
                if (!db)
                    return m_finish(db.error());
                m_databasePath = (*db)->path();
                db->reset();
                readKeyAndStart();
            });
        });
    }

private:
    void readKeyAndStart()
    {
        const auto keys = m_access->keysFor(m_profile);
        if (!keys)
            return m_finish(keys.error());
        (*keys)->read(
            store::ProfileKeys::databaseKeyEntry(m_profile.id), [this](core::Result<secrets::SecretBytes> key) {
                if (!key)
                    return m_finish(key.error());
                start(std::make_shared<secrets::SecretBytes>(std::move(key.value())));
            });
    }

    void start(std::shared_ptr<const secrets::SecretBytes> key)
    {
        m_key = key;
        const auto keys = m_access->keysFor(m_profile);
        if (!keys)
            return m_finish(keys.error());
        sync::SyncSetup setup;
        setup.databasePath = m_databasePath;
        setup.databaseKey = std::move(key);
        setup.graph.graphRoot = QUrl(m_profile.graphRoot);
        if (auto s = graph::GraphClient::checkRoot(setup.graph.graphRoot); !s)
            return m_finish(s.error());
        setup.makeTokenSource = tokenSourceFactory(m_profile, **keys);
        setup.clock = m_context->clock;
        m_engine = std::make_unique<sync::SyncEngine>(std::move(setup));
        QObject::connect(m_engine.get(), &sync::SyncEngine::progress, m_engine.get(),
            [this](const sync::SyncProgress &p) { showProgress(p); });
        QObject::connect(m_engine.get(), &sync::SyncEngine::entityFinished, m_engine.get(),
            [this](const sync::EntitySummary &s) { showEntity(s); });
        QObject::connect(m_engine.get(), &sync::SyncEngine::finished, m_engine.get(),
            [this](const sync::SyncReport &report) { done(report); });
        m_lastLine.start();
        m_engine->start(m_request);
    }

    void showProgress(const sync::SyncProgress &p)
    {
        if (m_context->verbosity == core::Verbosity::Quiet)
            return;
        QTextStream &err = *m_context->err;
        const QString what = p.detail.isEmpty() ? p.entity : p.entity + u' ' + p.detail;
        const QString rate
            = p.itemsPerSecond > 0 ? QStringLiteral(", %1/s").arg(qRound64(p.itemsPerSecond)) : QString();
        const QString eta = p.etaSeconds >= 0 ? tr(", about %1 left").arg(formatSeconds(p.etaSeconds)) : QString();
        const QString text = tr("%1: %2 items, %3 pages").arg(what).arg(p.items).arg(p.pages) + rate + eta;
        if (m_context->stderrIsTerminal) {
            err << u'\r' << text.left(100).leftJustified(100) << Qt::flush;
            m_barShown = true;
        } else if (m_lastLine.elapsed() >= 2000) {
            err << text << u'\n' << Qt::flush;
            m_lastLine.restart();
        }
    }

    void showEntity(const sync::EntitySummary &s)
    {
        QTextStream &err = *m_context->err;
        if (m_barShown) {
            err << u'\r' << QString().leftJustified(100) << u'\r';
            m_barShown = false;
        }
        if (s.outcome == sync::EntitySummary::Outcome::Unavailable || s.outcome == sync::EntitySummary::Outcome::Failed)
            err << s.entity << QStringLiteral(": ") << s.message << u'\n';
        else if (m_context->verbosity != core::Verbosity::Quiet && s.skippedRecords > 0)
            err << tr("%1: %2 records were malformed and skipped (ids in the log).").arg(s.entity).arg(s.skippedRecords)
                << u'\n';
        err.flush();
    }

    void done(const sync::SyncReport &report)
    {
        QTextStream &out = *m_context->out;
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(QStringLiteral("entity").leftJustified(12), QStringLiteral("outcome").leftJustified(11),
                       QStringLiteral("items").rightJustified(9), QStringLiteral("requests").rightJustified(8),
                       QStringLiteral("seconds").rightJustified(8));
        bool usersOk = false;
        for (const auto &e : report.entities) {
            out << QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(e.entity.leftJustified(12), sync::outcomeName(e.outcome).leftJustified(11),
                           QString::number(e.items).rightJustified(9), QString::number(e.requests).rightJustified(8),
                           QString::number(e.seconds, 'f', 1).rightJustified(8));
            usersOk = usersOk || (e.entity == QStringLiteral("users") && e.outcome == sync::EntitySummary::Outcome::Ok);
        }
        out.flush();
        if (usersOk) {
            m_profile.lastSync = m_context->clock->nowUtc();
            (void)m_access->profiles().update(m_profile);
            recordSnapshot();
        }
        if (report.firstError)
            return m_finish(*report.firstError);
        if (report.cancelled)
            return m_finish(core::Error {QStringLiteral("sync.cancelled"),
                tr("The sync was cancelled; the data of every finished entity is saved."), QString(),
                core::ExitCode::Failed});
        m_finish({});
    }

    /// Keeps what "changes since the previous sync" compares against. A failure here costs only
    /// that comparison, never the synced data: it is logged, not reported.
    void recordSnapshot()
    {
        const auto catalog = insights::loadBundledCatalog();
        if (!catalog)
            return;
        const auto db = store::Database::open(m_databasePath, *m_key);
        if (!db)
            return;
        if (const core::Status s = insights::recordSyncSnapshot(**db, *catalog); !s)
            qCWarning(lcSyncCommand).noquote() << "could not record the sync snapshot:" << s.error().code;
    }

    CommandContext *m_context = nullptr;
    Finish m_finish;
    sync::SyncRequest m_request;
    std::shared_ptr<const secrets::SecretBytes> m_key;
    std::unique_ptr<ProfileAccess> m_access;
    store::Profile m_profile;
    QString m_databasePath;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QElapsedTimer m_lastLine;
    bool m_barShown = false;
};

}  // namespace

std::unique_ptr<Command> makeSyncCommand()
{
    return std::make_unique<SyncCommand>();
}

}  // namespace stocktake::cli
