// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbacklistener.h"

#include "auth/pkce.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QVariant>

#include <utility>

namespace stocktake::auth {

namespace {

const char kPage[] = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Stocktake</title>"
                     "</head><body><p>Sign-in finished. You can close this window and return to "
                     "Stocktake.</p></body></html>";

}  // namespace

LoopbackListener::LoopbackListener(QByteArray expectedState, HostName host, QObject *parent)
    : QObject(parent)
    , m_expectedState(std::move(expectedState))
    , m_host(host)
{ }

LoopbackListener::~LoopbackListener()
{
    close();
}

bool LoopbackListener::listen()
{
    auto *v4 = new QTcpServer(this);
    if (!v4->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        delete v4;
        return false;
    }
    m_port = v4->serverPort();
    m_servers.append(v4);
    auto *v6 = new QTcpServer(this);
    if (v6->listen(QHostAddress(QHostAddress::LocalHostIPv6), m_port))
        m_servers.append(v6);
    else
        delete v6;  // no IPv6 loopback here: 127.0.0.1 alone serves the redirect
    for (QTcpServer *server : std::as_const(m_servers))
        connect(server, &QTcpServer::newConnection, this, [this, server] { onNewConnection(server); });
    return true;
}

void LoopbackListener::close()
{
    for (QTcpServer *server : std::as_const(m_servers)) {
        server->close();
        server->deleteLater();
    }
    m_servers.clear();
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

QUrl LoopbackListener::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host == HostName::Localhost ? QStringLiteral("localhost") : QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void LoopbackListener::onNewConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setReadBufferSize(kMaxHeadBytes + 1);
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start(kIdleTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    QByteArray head = socket->property("head").toByteArray();
    head += socket->read(kMaxHeadBytes + 1 - head.size());
    if (head.size() > kMaxHeadBytes) {
        socket->abort();
        return;
    }
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("head", head);
        return;
    }
    socket->setProperty("head", QVariant());
    handleRequest(socket, head.left(end));
}

bool LoopbackListener::hostAllowed(const QByteArray &hostHeader) const
{
    const QByteArray port = QByteArray::number(m_port);
    if (hostHeader == "127.0.0.1:" + port || hostHeader == "[::1]:" + port)
        return true;
    return m_host == HostName::Localhost && hostHeader.toLower() == "localhost:" + port;
}

void LoopbackListener::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray host;
    int hostCount = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "host") {
            host = line.mid(colon + 1).trimmed();
            ++hostCount;
        }
    }
    if (requestLine.size() != 3 || hostCount != 1 || !hostAllowed(host)) {
        respond(socket, 400, "Bad Request");
        return;
    }
    if (requestLine[0] != "GET") {
        respond(socket, 405, "Method Not Allowed");
        return;
    }
    const QUrl target = QUrl::fromEncoded(requestLine[1], QUrl::StrictMode);
    if (!target.isValid() || target.path() != QLatin1StringView("/callback")) {
        respond(socket, 404, "Not Found");  // /favicon.ico and everything else
        return;
    }
    const QUrlQuery query(target);
    const QByteArray state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (m_done || !Pkce::constantTimeEquals(state, m_expectedState)) {
        respond(socket, 400, "Bad Request");  // forged or replayed: dropped, keep waiting
        if (!m_done)
            Q_EMIT callbackRejected();
        return;
    }
    respond(socket, 200, "OK");
    m_done = true;
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    const QByteArray code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).toUtf8();
    const QString iss = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
    for (QTcpServer *server : std::as_const(m_servers))
        server->close();
    if (!error.isEmpty() || code.isEmpty())
        Q_EMIT errorReceived(error.isEmpty() ? QStringLiteral("invalid_request") : error,
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded));
    else
        Q_EMIT codeReceived(code, iss);
}

void LoopbackListener::respond(QTcpSocket *socket, int status, const QByteArray &reason)
{
    const QByteArray body = status == 200 ? QByteArray(kPage) : reason;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "Content-Type: " + QByteArray(status == 200 ? "text/html" : "text/plain") + "; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Referrer-Policy: no-referrer\r\nCache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    out += body;
    socket->write(out);
    socket->disconnectFromHost();
}

}  // namespace stocktake::auth
