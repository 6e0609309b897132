// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncsetup.h"

#include "auth/signinsettings.h"
#include "auth/tokensession.h"
#include "core/clock.h"
#include "insights/bundledcatalog.h"
#include "insights/changes.h"
#include "profilesession.h"
#include "store/database.h"
#include "store/profilekeys.h"
#include "sync/syncengine.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

Q_LOGGING_CATEGORY(lcSyncSetup, "stocktake.ui.sync")

auth::SignInSettings signInSettingsFor(const store::Profile &profile)
{
    return auth::SignInSettings::forTenant(QUrl(profile.authority), profile.tenant, profile.clientId,
        profile.redirectHost == store::RedirectHost::Loopback ? auth::LoopbackListener::HostName::Ipv4Literal
                                                              : auth::LoopbackListener::HostName::Localhost);
}

std::unique_ptr<sync::SyncEngine> makeSyncEngine(
    const ProfileSession &session, const core::Clock &clock, QObject *parent)
{
    sync::SyncSetup setup;
    setup.databasePath = session.databasePath();
    setup.databaseKey = session.key();
    setup.graph.graphRoot = QUrl(session.profile().graphRoot);
    setup.makeTokenSource = auth::tokenSourceFactory(signInSettingsFor(session.profile()), session.keys(),
        store::ProfileKeys::refreshTokenEntry(session.profile().id));
    setup.clock = &clock;
    return std::make_unique<sync::SyncEngine>(std::move(setup), parent);
}

void recordSync(ProfileSession &session, const sync::SyncReport &report, const core::Clock &clock)
{
    bool usersOk = false;
    for (const auto &e : report.entities)
        usersOk = usersOk || (e.entity == QStringLiteral("users") && e.outcome == sync::EntitySummary::Outcome::Ok);
    if (!usersOk)
        return;
    if (const core::Status marked = session.markSynced(clock.nowUtc()); !marked)
        qCWarning(lcSyncSetup).noquote() << "could not record the sync time:" << marked.error().code;
    session.refreshDataTime();
    // The snapshot reads the whole directory once: off the UI thread, on a connection of its own.
    (void)QtConcurrent::run([connect = session.connectionFactory()] {
        const auto catalog = insights::loadBundledCatalog();
        auto db = connect();
        if (!catalog || !db)
            return;
        if (const core::Status s = insights::recordSyncSnapshot(**db, *catalog); !s)
            qCWarning(lcSyncSetup).noquote() << "could not record the sync snapshot:" << s.error().code;
    });
}

}  // namespace stocktake::ui
