// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keystore.h"

#include <QObject>

#include <memory>

namespace stocktake::secrets {

/// A KeyStore for one thread whose calls run on the thread of another KeyStore (the target).
///
/// Why: QtKeychain 0.13 queues every job of the process in one unlocked JobExecutor singleton,
/// which starts the next job on whichever thread finished the previous one, so all keychain
/// jobs of a process must come from one thread. A PassphraseKeyStore caches its vault, so a
/// second instance over the same file could save a stale copy over a fresh refresh token. So a
/// worker thread (the sync) does not make a store of its own: it reaches the one its caller owns
/// through this.
///
/// `target` and `targetContext` (a QObject living on the target's thread, usually the target
/// itself) must outlive this object. Every callback comes back on the thread that made the call,
/// as KeyStore promises; calls still pending when this object is destroyed never call back.
class CrossThreadKeyStore final : public QObject, public KeyStore {
    Q_OBJECT
public:
    CrossThreadKeyStore(KeyStore &target, QObject &targetContext, QObject *parent = nullptr);
    ~CrossThreadKeyStore() override;

    void read(const QString &entry, ReadDone done) override;
    void write(const QString &entry, const SecretBytes &value, Done done) override;
    void remove(const QString &entry, Done done) override;

    /// The mailbox through which answers reach this object's thread (shared with the calls in
    /// flight, so an answer for a destroyed object is dropped instead of delivered).
    struct Mailbox;

private:
    KeyStore &m_target;
    QObject &m_targetContext;
    std::shared_ptr<Mailbox> m_mailbox;
};

}  // namespace stocktake::secrets
