// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace stocktake::sync {

/// The entities of `sync --only` (CLI.md), in the order a sync runs them: the directory first,
/// so its views are ready in minutes, then the paced activity passes.
inline const QStringList &allEntities()
{
    static const QStringList kEntities {
        QStringLiteral("organization"),
        QStringLiteral("licenses"),
        QStringLiteral("users"),
        QStringLiteral("groups"),
        QStringLiteral("apps"),
        QStringLiteral("grants"),
        QStringLiteral("usage"),
        QStringLiteral("signins"),
    };
    return kEntities;
}

/// The entities a sync runs: `only` validated against allEntities(), in run order.
[[nodiscard]] core::Result<QStringList> selectEntities(const QStringList &only);

struct SyncRequest {
    QStringList entities;  ///< empty = all
    bool full = false;     ///< ignore delta links and high-water marks
    int signInDays = 30;   ///< how far back sign-ins are backfilled (Entra keeps 30 days with P1)
    /// With users, the paced signInActivity pass beside them. Off only where the users collection
    /// is measured on its own (stocktake-bench-sync against curl and the JavaScript client).
    bool activityPass = true;
};

/// Where a running sync stands; sent often, cheap to copy.
struct SyncProgress {
    QString entity;
    qint64 items = 0;
    int pages = 0;
    double itemsPerSecond = 0;
    qint64 etaSeconds = -1;  ///< -1 = unknown
    QString detail;          ///< e.g. the sign-in day being fetched
};

/// How one entity went.
struct EntitySummary {
    enum class Outcome { Ok, Failed, Unavailable, Cancelled, Skipped };
    QString entity;
    Outcome outcome = Outcome::Ok;
    qint64 items = 0;
    qint64 requests = 0;
    qint64 skippedRecords = 0;  ///< records a strict parser refused
    double seconds = 0;
    bool incremental = false;  ///< used a delta link / high-water mark
    QString message;           ///< the plain line for a failure or unavailability
    QString errorCode;
    core::ExitCode exitCode = core::ExitCode::Ok;
};

struct SyncReport {
    QList<EntitySummary> entities;
    bool cancelled = false;
    double seconds = 0;
    /// The first failure's error (exit code and message for the CLI), when any entity failed.
    std::optional<core::Error> firstError;
};

[[nodiscard]] QString outcomeName(EntitySummary::Outcome outcome);

}  // namespace stocktake::sync

Q_DECLARE_METATYPE(stocktake::sync::SyncRequest)
Q_DECLARE_METATYPE(stocktake::sync::SyncProgress)
Q_DECLARE_METATYPE(stocktake::sync::EntitySummary)
Q_DECLARE_METATYPE(stocktake::sync::SyncReport)
