// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace stocktake::tenantsim {

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
}  // namespace

HttpServer::HttpServer(Handler handler, const QString &logPath, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_log(logPath)
{
    if (!logPath.isEmpty()) {
        m_log.open(QIODevice::WriteOnly | QIODevice::Append);
    }
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onConnection);
}

HttpServer::~HttpServer()
{
    // Sockets are children of the QTcpServer member and outlive m_buffers otherwise: cut their
    // signals before anything is torn down.
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>()) {
        socket->disconnect(this);
        delete socket;
    }
}

bool HttpServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void HttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_delayed.remove(socket);
            socket->deleteLater();
        });
    }
}

void HttpServer::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (m_delayed.contains(socket))
        return;  // its next request is read once the delayed answer is out
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        HttpRequest request;
        request.method = requestLine.value(0);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0) {
                request.headers.insert(
                    lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length) {
            return;
        }
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        const QUrl url(QString::fromUtf8(requestLine.value(1)));
        request.path = url.path();
        request.query = QUrlQuery(url.query(QUrl::FullyEncoded));

        const HttpResponse response = m_handler(request);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers) {
            out += name + ": " + value + "\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        out += response.truncate ? response.body.left(response.body.size() / 2) : response.body;
        log(request, response);
        const bool close = response.truncate || request.headers.value("connection").toLower() == "close";
        if (response.delayMs > 0) {
            m_delayed.insert(socket);
            QTimer::singleShot(response.delayMs, socket, [this, socket, out, close] {
                m_delayed.remove(socket);
                send(socket, out, close);
                if (!close)
                    onReadable(socket);
            });
            return;
        }
        send(socket, out, close);
        if (close)
            return;
    }
}

void HttpServer::send(QTcpSocket *socket, const QByteArray &out, bool close)
{
    socket->write(out);
    // Out now, as a server that answers each request on its own does: a write left to the
    // event loop waited for every other request read in the same pass (up to six from one
    // client), and their answers all left together when the last was ready.
    socket->flush();
    if (close)
        socket->disconnectFromHost();
}

void HttpServer::log(const HttpRequest &request, const HttpResponse &response)
{
    if (!m_log.isOpen()) {
        return;
    }
    QJsonObject line {{QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path}, {QStringLiteral("query"), request.query.query(QUrl::FullyDecoded)},
        {QStringLiteral("status"), response.status},
        {QStringLiteral("authorization"), request.headers.contains("authorization")},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (!response.violation.isEmpty()) {
        line.insert(QStringLiteral("violation"), response.violation);
    }
    if (const QByteArray priority = request.headers.value("x-ms-throttle-priority"); !priority.isEmpty()) {
        line.insert(QStringLiteral("priority"), QString::fromLatin1(priority));
    }
    m_log.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_log.flush();
}

}  // namespace stocktake::tenantsim
