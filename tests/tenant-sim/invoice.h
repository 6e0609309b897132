// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace stocktake::tenantsim {

/// A SaaS vendor that bills the tenant by mail.
struct BillingVendor {
    const char *catalogId;  ///< resources/catalog/vendors.json id; nullptr when not in the catalog
    const char *name;
    const char *senderName;
    const char *senderAddress;
    const char *currency;  ///< ISO 4217
    const char *language;  ///< en, da, de
    int layout;            ///< 0 labelled fields, 1 table, 2 receipt
    int cycleMonths;       ///< 1, 3, 12; 0 = a single invoice
    qint64 unitPrice;      ///< minor units per seat and cycle
    int baseSeats;
    int dayOfMonth;
    int taxPermille;
    const char *numberPrefix;
};

/// One billing document as the PDF states it; money in minor units.
struct Invoice {
    int vendor = 0;
    QString number;
    QDate date;
    QDate periodStart;
    QDate periodEnd;
    int seats = 0;
    qint64 unitPrice = 0;
    qint64 net = 0;
    qint64 tax = 0;
    qint64 total = 0;  ///< tax included; negative for a credit note
    bool creditNote = false;
    QString creditFor;  ///< the invoice a credit note corrects
};

/// Generates a mailbox's worth of invoices (13 months back from `today`) and renders them.
class InvoiceBook {
public:
    InvoiceBook(quint64 seed, const QDate &today);

    static const QVector<BillingVendor> &vendors();
    [[nodiscard]] const QVector<Invoice> &invoices() const { return m_invoices; }
    /// The PDF the vendor attaches: layout, language, number and date formats of the vendor.
    /// Written with QPdfWriter (needs a QGuiApplication); about 20 kB and 20 ms each.
    [[nodiscard]] QByteArray pdf(const Invoice &invoice) const;
    /// pdf() of invoices()[index], rendered on first use and kept (about 2 MB for the lot).
    [[nodiscard]] QByteArray pdfOf(int index) const;
    [[nodiscard]] QString fileName(const Invoice &invoice) const;
    [[nodiscard]] QString subject(const Invoice &invoice) const;
    /// A plain-text body the mail carries (never served unless a client asks for it).
    [[nodiscard]] QString bodyText(const Invoice &invoice) const;
    /// The ground truth of one invoice (truth.h): canonical ISO dates and decimal strings.
    [[nodiscard]] QJsonObject truthJson(const Invoice &invoice) const;

    /// "1234.56" from minor units.
    static QString decimal(qint64 minor);
    /// The amount as the vendor's language writes it ("$1,234.56", "1.234,56 €", "kr. 1.234,56").
    static QString money(qint64 minor, const BillingVendor &vendor, int style);
    static QString date(const QDate &date, const BillingVendor &vendor, int style);

private:
    quint64 m_seed;
    QVector<Invoice> m_invoices;
    mutable QHash<int, QByteArray> m_pdfs;
};

}  // namespace stocktake::tenantsim
