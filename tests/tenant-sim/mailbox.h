// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "invoice.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace stocktake::tenantsim {

class Tenant;

struct MailAttachment {
    enum class Type { File, Reference };
    Type type = Type::File;
    QString id;
    QString name;
    QString contentType;
    bool isInline = false;
    QString contentId;
    QByteArray bytes;
    int invoice = -1;  ///< an invoice PDF: rendered on first use (InvoiceBook::pdfOf), `bytes` stays empty
};

struct MailMessage {
    QString id;
    QDateTime received;
    QString fromName;
    QString fromAddress;
    QString toName;
    QString toAddress;
    QString subject;
    QString body;  ///< plain text; served (as HTML) only when a client selects it
    QVector<MailAttachment> attachments;
    int invoice = -1;  ///< index into InvoiceBook::invoices()
    bool duplicate = false;
    bool isRead = true;
    [[nodiscard]] bool hasAttachments() const;  ///< inline attachments do not count (graph-facts §B.11)
};

/// The signed-in admin's mailbox: billing mail from SaaS vendors with PDF invoices (monthly,
/// quarterly and yearly; English, Danish, German; USD, EUR, DKK; a credit note or two and one
/// invoice sent twice) among newsletters, internal mail, a phishing attempt and an inline image.
class Mailbox {
public:
    explicit Mailbox(const Tenant &tenant);

    [[nodiscard]] const QVector<MailMessage> &messages() const { return m_messages; }
    [[nodiscard]] const InvoiceBook &invoiceBook() const { return m_book; }
    [[nodiscard]] std::optional<int> messageById(const QString &id) const;
    /// Every property of a message, body included (routes strip it unless selected).
    [[nodiscard]] QJsonObject messageJson(const MailMessage &message) const;
    /// The attachment's content (an invoice PDF is rendered once, on first use).
    [[nodiscard]] QByteArray attachmentBytes(const MailAttachment &attachment) const;
    [[nodiscard]] QJsonObject attachmentJson(const MailAttachment &attachment, const MailMessage &message) const;
    /// A minimal RFC 5322 rendering, the answer to GET …/messages/{id}/$value.
    [[nodiscard]] QByteArray mime(const MailMessage &message) const;

    /// KQL as Outlook's `$search` reads it: terms (from:, to:, subject:, body:, attachment:,
    /// hasAttachments:, received>=…), implicit AND, OR, NOT; free terms search sender,
    /// subject and body. Nothing when the query cannot be read.
    class Search {
    public:
        static std::optional<Search> parse(const QString &query);
        [[nodiscard]] bool matches(const MailMessage &message) const;

    private:
        struct Term {
            QString property;  ///< empty for a free term
            QString op;        ///< ":" or a comparison for received/sent
            QString value;
            bool negated = false;
        };
        QVector<QVector<Term>> m_any;  ///< OR of AND-groups
    };

private:
    void add(MailMessage message);

    const Tenant &m_tenant;
    InvoiceBook m_book;
    QVector<MailMessage> m_messages;
};

}  // namespace stocktake::tenantsim
