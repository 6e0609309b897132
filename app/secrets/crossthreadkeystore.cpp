// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "crossthreadkeystore.h"

#include <QMutex>
#include <QMutexLocker>

namespace stocktake::secrets {

struct CrossThreadKeyStore::Mailbox {
    QMutex mutex;
    CrossThreadKeyStore *receiver = nullptr;
};

namespace {

/// Queues `call` to the mailbox's receiver unless it is gone. The lock is held while posting, so
/// the receiver cannot be destroyed in between; once destroyed, Qt drops the events posted to it.
void deliver(const std::shared_ptr<CrossThreadKeyStore::Mailbox> &box, std::function<void()> call)
{
    QMutexLocker lock(&box->mutex);
    if (box->receiver)
        QMetaObject::invokeMethod(box->receiver, std::move(call), Qt::QueuedConnection);
}

}  // namespace

CrossThreadKeyStore::CrossThreadKeyStore(KeyStore &target, QObject &targetContext, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_targetContext(targetContext)
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->receiver = this;
}

CrossThreadKeyStore::~CrossThreadKeyStore()
{
    QMutexLocker lock(&m_mailbox->mutex);
    m_mailbox->receiver = nullptr;
}

void CrossThreadKeyStore::read(const QString &entry, ReadDone done)
{
    KeyStore *target = &m_target;
    QMetaObject::invokeMethod(
        &m_targetContext,
        [target, entry, box = m_mailbox, done = std::move(done)] {
            target->read(entry, [box, done](core::Result<SecretBytes> result) {
                auto value = std::make_shared<core::Result<SecretBytes>>(std::move(result));
                deliver(box, [done, value] { done(std::move(*value)); });
            });
        },
        Qt::QueuedConnection);
}

void CrossThreadKeyStore::write(const QString &entry, const SecretBytes &value, Done done)
{
    KeyStore *target = &m_target;
    auto copy = std::make_shared<SecretBytes>(SecretBytes::copyOf(value.view()));
    QMetaObject::invokeMethod(
        &m_targetContext,
        [target, entry, copy, box = m_mailbox, done = std::move(done)] {
            target->write(
                entry, *copy, [box, done](core::Status status) { deliver(box, [done, status] { done(status); }); });
        },
        Qt::QueuedConnection);
}

void CrossThreadKeyStore::remove(const QString &entry, Done done)
{
    KeyStore *target = &m_target;
    QMetaObject::invokeMethod(
        &m_targetContext,
        [target, entry, box = m_mailbox, done = std::move(done)] {
            target->remove(entry, [box, done](core::Status status) { deliver(box, [done, status] { done(status); }); });
        },
        Qt::QueuedConnection);
}

}  // namespace stocktake::secrets
