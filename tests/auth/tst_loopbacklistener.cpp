// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbacklistener.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <chrono>
#include <future>

using stocktake::auth::LoopbackListener;

namespace {

const QByteArray kState("s7Kq2mZ9xYb4Lw0pVn3RtA");

/// Sends `request` raw (blocking, on a worker thread) and returns what the listener answers.
QByteArray exchangeBlocking(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForConnected(3000))
        return "NOT CONNECTED";
    socket.write(request);
    socket.waitForBytesWritten(3000);
    QByteArray reply;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(3000))
        reply += socket.readAll();
    reply += socket.readAll();
    return reply;
}

/// Runs exchangeBlocking() on another thread while this thread's event loop serves the listener.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    auto reply = std::async(std::launch::async, exchangeBlocking, port, request);
    while (reply.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return reply.get();
}

QByteArray callback(quint16 port, const QByteArray &query, const QByteArray &host = {})
{
    const QByteArray h = host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host;
    return "GET /callback?" + query + " HTTP/1.1\r\nHost: " + h + "\r\n\r\n";
}

}  // namespace

class TestLoopbackListener : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversCodeAndNeverEchoesIt()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        const QByteArray reply
            = exchange(listener.port(), callback(listener.port(), "code=CANARY-CODE-123&state=" + kState));
        QVERIFY2(reply.startsWith("HTTP/1.1 200 OK"), reply.constData());
        QVERIFY(reply.contains("Referrer-Policy: no-referrer\r\n"));
        QVERIFY(reply.contains("Cache-Control: no-store\r\n"));
        QVERIFY(!reply.contains("CANARY-CODE-123"));
        QTRY_COMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toByteArray(), QByteArray("CANARY-CODE-123"));
        QCOMPARE(
            listener.redirectUri().toString(), QStringLiteral("http://127.0.0.1:%1/callback").arg(listener.port()));
    }

    void rejectsForeignHostAndKeepsWaiting()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Localhost);
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        const QByteArray evil
            = exchange(listener.port(), callback(listener.port(), "code=abc&state=" + kState, "evil.test"));
        QVERIFY2(evil.startsWith("HTTP/1.1 400"), evil.constData());
        QCOMPARE(codes.size(), 0);
        const QByteArray good = exchange(listener.port(),
            callback(listener.port(), "code=abc&state=" + kState, "localhost:" + QByteArray::number(listener.port())));
        QVERIFY2(good.startsWith("HTTP/1.1 200"), good.constData());
        QTRY_COMPARE(codes.size(), 1);
    }

    void dropsForgedStateAndKeepsWaiting()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        const QByteArray forged = exchange(listener.port(), callback(listener.port(), "code=attacker&state=forged"));
        QVERIFY2(forged.startsWith("HTTP/1.1 400"), forged.constData());
        const QByteArray missing = exchange(listener.port(), callback(listener.port(), "code=attacker"));
        QVERIFY(missing.startsWith("HTTP/1.1 400"));
        QCOMPARE(codes.size(), 0);
        QCOMPARE(errors.size(), 0);
        QVERIFY(exchange(listener.port(), callback(listener.port(), "code=real&state=" + kState))
                    .startsWith("HTTP/1.1 200"));
        QTRY_COMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toByteArray(), QByteArray("real"));
    }

    void closesConnectionOnOversizedHeader()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        const QByteArray huge = "GET /callback?code=x&state=" + kState + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + QByteArray::number(listener.port()) + "\r\nX-Pad: " + QByteArray(1024 * 1024, 'a') + "\r\n\r\n";
        const QByteArray reply = exchange(listener.port(), huge);
        QCOMPARE(reply, QByteArray());  // closed without an answer
        QCOMPARE(codes.size(), 0);
        QVERIFY(exchange(listener.port(), callback(listener.port(), "code=real&state=" + kState))
                    .startsWith("HTTP/1.1 200"));
        QTRY_COMPARE(codes.size(), 1);
    }

    void ignoresFaviconAndOtherPaths()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        const QByteArray host = "127.0.0.1:" + QByteArray::number(listener.port());
        QVERIFY(exchange(listener.port(), "GET /favicon.ico HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .startsWith("HTTP/1.1 404"));
        QVERIFY(exchange(listener.port(), "POST /callback?state=" + kState + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .startsWith("HTTP/1.1 405"));
    }

    void reportsErrorCallbackWithDescription()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        exchange(listener.port(),
            callback(listener.port(),
                "error=access_denied&error_description=User%20said%20no"
                "&state="
                    + kState));
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("access_denied"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("User said no"));
    }

    void listensOnLoopbackOnly()
    {
        LoopbackListener listener(kState, LoopbackListener::HostName::Ipv4Literal);
        QVERIFY(listener.listen());
        listener.close();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), listener.port());
        QVERIFY(!socket.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "tst_loopbacklistener.moc"
