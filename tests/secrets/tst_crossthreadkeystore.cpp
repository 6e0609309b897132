// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/crossthreadkeystore.h"

#include <QHash>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

using stocktake::core::Error;
using stocktake::core::Result;
using stocktake::core::Status;
using stocktake::secrets::CrossThreadKeyStore;
using stocktake::secrets::KeyStore;
using stocktake::secrets::SecretBytes;

namespace {

/// A key store that lives on one thread, records the thread of every call, and answers after
/// `delayMs` from its own event loop.
class ThreadBoundStore final : public QObject, public KeyStore {
public:
    void read(const QString &entry, ReadDone done) override
    {
        calledOn.append(QThread::currentThread());
        QTimer::singleShot(delayMs, this, [this, entry, done] {
            if (!m_values.contains(entry))
                return done(Error {QStringLiteral("secrets.not_found"), {}, {}});
            done(SecretBytes::copyOf(m_values.value(entry)));
        });
    }
    void write(const QString &entry, const SecretBytes &value, Done done) override
    {
        calledOn.append(QThread::currentThread());
        m_values.insert(entry, value.view().toByteArray());
        QTimer::singleShot(delayMs, this, [done] { done({}); });
    }
    void remove(const QString &entry, Done done) override
    {
        calledOn.append(QThread::currentThread());
        m_values.remove(entry);
        QTimer::singleShot(delayMs, this, [done] { done({}); });
    }

    QList<QThread *> calledOn;
    int delayMs = 0;

private:
    QHash<QString, QByteArray> m_values;
};

bool waitFor(const std::atomic<bool> &flag, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!flag && !deadline.hasExpired())
        QTest::qWait(5);
    return flag;
}

}  // namespace

class TestCrossThreadKeyStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void callsRunOnTheTargetsThreadAndAnswerOnTheCallers()
    {
        ThreadBoundStore target;
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::unique_ptr<CrossThreadKeyStore> proxy;
        std::atomic<bool> done {false};
        QList<QThread *> answeredOn;
        QByteArray readBack;
        bool removedGone = false;
        bool writtenOk = false;
        QMetaObject::invokeMethod(&context, [&] {
            proxy = std::make_unique<CrossThreadKeyStore>(target, target);
            proxy->write(QStringLiteral("p/refresh-token"), SecretBytes::copyOf("rt-1"), [&](Status written) {
                answeredOn.append(QThread::currentThread());
                writtenOk = written.ok();
                proxy->read(QStringLiteral("p/refresh-token"), [&](Result<SecretBytes> value) {
                    answeredOn.append(QThread::currentThread());
                    readBack = value ? value->view().toByteArray() : QByteArray();
                    proxy->remove(QStringLiteral("p/refresh-token"), [&](Status) {
                        proxy->read(QStringLiteral("p/refresh-token"), [&](Result<SecretBytes> gone) {
                            answeredOn.append(QThread::currentThread());
                            removedGone = !gone && gone.error().is(u"secrets.not_found");
                            proxy.reset();
                            done = true;
                        });
                    });
                });
            });
        });
        QVERIFY(waitFor(done));
        worker.quit();
        worker.wait();
        QVERIFY(writtenOk);
        QCOMPARE(readBack, QByteArray("rt-1"));
        QVERIFY(removedGone);
        QCOMPARE(target.calledOn.size(), 4);
        for (QThread *thread : std::as_const(target.calledOn))
            QCOMPARE(thread, QThread::currentThread());
        QCOMPARE(answeredOn.size(), 3);
        for (QThread *thread : std::as_const(answeredOn))
            QCOMPARE(thread, &worker);
    }

    void anAnswerForADestroyedProxyIsDropped()
    {
        ThreadBoundStore target;
        target.delayMs = 300;
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::atomic<bool> destroyed {false};
        std::atomic<bool> answered {false};
        QMetaObject::invokeMethod(&context, [&] {
            auto proxy = std::make_unique<CrossThreadKeyStore>(target, target);
            proxy->read(QStringLiteral("p/refresh-token"), [&](Result<SecretBytes>) { answered = true; });
            proxy.reset();
            destroyed = true;
        });
        QVERIFY(waitFor(destroyed));
        QTest::qWait(600);  // the target answers meanwhile
        worker.quit();
        worker.wait();
        QCOMPARE(target.calledOn.size(), 1);
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(TestCrossThreadKeyStore)
#include "tst_crossthreadkeystore.moc"
