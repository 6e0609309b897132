// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace stocktake::auth {
struct SignInSettings;
}
namespace stocktake::core {
class Clock;
}
namespace stocktake::store {
struct Profile;
}
namespace stocktake::sync {
class SyncEngine;
struct SyncReport;
}  // namespace stocktake::sync

namespace stocktake::ui {

class ProfileSession;

/// How `profile` signs in: its authority, tenant and client id, and the scopes of every
/// capability but billing mail.
[[nodiscard]] auth::SignInSettings signInSettingsFor(const store::Profile &profile);

/// The sync engine of an open profile: its database, its key (shared while the session is
/// open) and its signed-in session's token source, all used on the engine's worker thread.
[[nodiscard]] std::unique_ptr<sync::SyncEngine> makeSyncEngine(
    const ProfileSession &session, const core::Clock &clock, QObject *parent = nullptr);

/// After a sync: the profile's last-sync time when users synced, and the snapshot "what changed
/// since the previous sync" compares against (written on a worker thread of its own).
void recordSync(ProfileSession &session, const sync::SyncReport &report, const core::Clock &clock);

}  // namespace stocktake::ui
