// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace stocktake::auth {

/// The one-shot loopback redirect listener of RFC 8252 §7.3 (SECURITY.md A8). It listens on
/// 127.0.0.1 and, when available, ::1 on the same ephemeral port (never on Any), answers only
/// `GET /callback` whose Host header names the loopback literal (or `localhost`) and the port,
/// caps the request head at 8 KiB, closes idle sockets, and drops callbacks whose `state`
/// differs from the expected one (compared in constant time). The browser always gets a static
/// page with no-referrer / no-store headers that never echoes the code.
class LoopbackListener : public QObject {
    Q_OBJECT

public:
    enum class HostName { Localhost, Ipv4Literal };

    explicit LoopbackListener(QByteArray expectedState, HostName host, QObject *parent = nullptr);
    ~LoopbackListener() override;

    /// Starts listening; false when no loopback port could be bound.
    [[nodiscard]] bool listen();
    /// Stops listening and drops every open connection.
    void close();
    [[nodiscard]] quint16 port() const { return m_port; }
    /// `http://localhost:<port>/callback` or `http://127.0.0.1:<port>/callback`.
    [[nodiscard]] QUrl redirectUri() const;

    static constexpr qsizetype kMaxHeadBytes = 8 * 1024;
    static constexpr int kIdleTimeoutMs = 10'000;

Q_SIGNALS:
    /// A callback with the right state arrived; the listener has closed.
    /// `iss` is empty when the server sent none.
    void codeReceived(const QByteArray &code, const QString &iss);
    /// An `error=` callback with the right state arrived; the listener has closed.
    void errorReceived(const QString &error, const QString &description);
    /// A callback with a missing or wrong state arrived and was dropped; the listener keeps
    /// waiting for the real one.
    void callbackRejected();

private:
    void onNewConnection(QTcpServer *server);
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &head);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason);
    [[nodiscard]] bool hostAllowed(const QByteArray &hostHeader) const;

    QByteArray m_expectedState;
    HostName m_host;
    QList<QTcpServer *> m_servers;
    quint16 m_port = 0;
    bool m_done = false;
};

}  // namespace stocktake::auth
