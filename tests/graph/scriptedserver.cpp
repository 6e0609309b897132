// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include <QPointer>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace stocktake::testing {

ScriptedServer::Response ScriptedServer::Response::json(const QByteArray &body, int status)
{
    Response r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QTcpServer>())
{
    m_clock.start();
}

ScriptedServer::~ScriptedServer()
{
    const auto sockets = m_connections.keys();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        delete s;
    }
}

bool ScriptedServer::listen(const QHostAddress &address)
{
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedServer::onNewConnection);
    return m_server->listen(address, 0);
}

bool ScriptedServer::listenTls(const QSslConfiguration &config, const QHostAddress &address)
{
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(config);
    server->setHandshakeTimeout(5000);
    m_server = std::move(server);
    m_tls = true;
    return listen(address);
}

QString ScriptedServer::origin() const
{
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), m_server->serverAddress().toString())
        .arg(m_server->serverPort());
}

void ScriptedServer::enqueue(const QByteArray &pathOrTarget, Response response)
{
    m_queues[pathOrTarget].push_back(std::move(response));
}

QList<ScriptedServer::Request> ScriptedServer::requestsTo(const QByteArray &path) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path == path) {
            out.append(r);
        }
    }
    return out;
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(nullptr);
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::onReadable(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    it->buffer.append(socket->readAll());
    for (;;) {
        auto conn = m_connections.find(socket);
        if (conn == m_connections.end()) {
            return;  // answered by closing the connection
        }
        QByteArray &buffer = conn->buffer;
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
            }
        }
        const qsizetype length = request.headers.value(QByteArrayLiteral("content-length")).toLongLong();
        if (buffer.size() < headerEnd + 4 + length) {
            return;
        }
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        const qsizetype q = request.target.indexOf('?');
        request.path = QUrl::fromPercentEncoding(request.target.left(q < 0 ? request.target.size() : q)).toUtf8();
        request.query = q < 0 ? QByteArray() : QUrl::fromPercentEncoding(request.target.mid(q + 1)).toUtf8();
        request.atMs = m_clock.elapsed();
        m_requests.append(request);
        answer(socket, request);
    }
}

ScriptedServer::Response ScriptedServer::pick(const Request &request)
{
    for (const QByteArray &key : {request.target, request.path}) {
        auto it = m_queues.find(key);
        if (it != m_queues.end() && !it->empty()) {
            Response r = it->front();
            if (it->size() > 1) {
                it->pop_front();
            }
            return r;
        }
    }
    if (m_fallback) {
        return m_fallback(request);
    }
    return Response::json(
        QByteArrayLiteral(R"({"error":{"code":"Request_ResourceNotFound","message":"no route"}})"), 404);
}

void ScriptedServer::answer(QTcpSocket *socket, const Request &request)
{
    const Response response = pick(request);
    if (response.stall) {
        return;
    }
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response] {
            if (guard) {
                write(guard, response);
            }
        });
        return;
    }
    write(socket, response);
}

void ScriptedServer::write(QTcpSocket *socket, const Response &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
        hasLength = hasLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (response.closeAfter) {
        // No length: the body ends when the connection closes (RFC 9112 §6.3).
        head += "Connection: close\r\n";
    } else if (!hasLength) {
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    head += "\r\n";
    socket->write(head);
    if (response.truncateAt >= 0) {
        socket->write(response.body.left(response.truncateAt));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    socket->write(response.body);
    if (response.closeAfter) {
        socket->disconnectFromHost();
    }
}

}  // namespace stocktake::testing
