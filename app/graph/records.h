// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Typed records of the Graph resources Stocktake keeps: exactly the fields of the $select
/// lists in endpoints.h, nothing more. Datetimes are UTC; absent or null values are nullopt.
namespace stocktake::graph {

struct VerifiedDomain {
    QString name;
    bool isDefault = false;
    bool isInitial = false;
};

struct Organization {
    QString id;  ///< the tenant id
    QString displayName;
    std::optional<QString> tenantType;
    std::optional<QString> countryLetterCode;
    std::optional<QDateTime> createdDateTime;
    QList<VerifiedDomain> verifiedDomains;
};

struct AssignedLicense {
    QString skuId;
    QStringList disabledPlans;
};

/// `signInActivity` exists only when the tenant has Entra ID P1/P2 and it was selected;
/// `present` says whether the field came at all, the datetimes whether a sign-in is known.
struct SignInActivity {
    bool present = false;
    std::optional<QDateTime> lastSignInDateTime;
    std::optional<QDateTime> lastNonInteractiveSignInDateTime;
    std::optional<QDateTime> lastSuccessfulSignInDateTime;
};

/// One entry of `licenseAssignmentStates`: how a licence reached the user.
struct LicenseAssignmentState {
    QString skuId;
    std::optional<QString> assignedByGroup;  ///< null = assigned directly
    std::optional<QString> state;            ///< Active, ActiveWithError, Disabled, Error
};

struct User {
    QString id;
    QString displayName;
    QString userPrincipalName;
    std::optional<QString> mail;
    std::optional<bool> accountEnabled;
    std::optional<QString> userType;  ///< Member or Guest
    std::optional<QString> department;
    std::optional<QString> jobTitle;
    std::optional<QDateTime> createdDateTime;
    std::optional<bool> onPremisesSyncEnabled;
    QList<AssignedLicense> assignedLicenses;
    QList<LicenseAssignmentState> licenseAssignmentStates;
    std::optional<QString> managerId;  ///< from $expand=manager($select=id)
    SignInActivity signInActivity;
};

struct Group {
    QString id;
    QString displayName;
    std::optional<QString> mail;
    std::optional<bool> mailEnabled;
    std::optional<bool> securityEnabled;
    QStringList groupTypes;  ///< "Unified" marks a Microsoft 365 group
    std::optional<QDateTime> createdDateTime;
    std::optional<bool> onPremisesSyncEnabled;
};

/// A member of a group: its object id and its type (`#microsoft.graph.user`, `…group`, …).
struct MemberRef {
    QString id;
    QString odataType;
};

struct ServicePlan {
    QString servicePlanId;
    QString servicePlanName;
    std::optional<QString> provisioningStatus;
    std::optional<QString> appliesTo;
};

struct PrepaidUnits {
    qint64 enabled = 0;
    qint64 suspended = 0;
    qint64 warning = 0;
    qint64 lockedOut = 0;
};

struct SubscribedSku {
    QString id;
    QString skuId;
    QString skuPartNumber;
    std::optional<QString> appliesTo;
    QString capabilityStatus;  ///< Enabled, Warning, Suspended, Deleted, LockedOut
    qint64 consumedUnits = 0;
    PrepaidUnits prepaidUnits;
    QList<ServicePlan> servicePlans;
};

struct ServicePrincipal {
    QString id;
    QString appId;
    QString displayName;
    std::optional<QString> appOwnerOrganizationId;
    std::optional<QString> publisherName;
    std::optional<QString> servicePrincipalType;
    std::optional<bool> accountEnabled;
    QStringList tags;
};

struct OAuth2PermissionGrant {
    QString id;
    QString clientId;     ///< object id of the client service principal
    QString consentType;  ///< AllPrincipals or Principal
    std::optional<QString> principalId;
    QString resourceId;  ///< object id of the resource service principal
    QStringList scopes;  ///< `scope` split on spaces
};

/// A delta item with `@removed`: `changed` = soft-deleted (restorable), `deleted` = gone.
struct RemovedItem {
    QString id;
    QString reason;
};

/// One row of getOffice365ActiveUserDetail. With concealed names on, the UPN and display name
/// are opaque hashes (`concealed` is then true) and cannot be joined to users.
struct UsageRecord {
    QString userPrincipalName;
    QString displayName;
    std::optional<QDate> reportRefreshDate;
    bool isDeleted = false;
    bool concealed = false;
    std::optional<QDate> lastExchange;
    std::optional<QDate> lastOneDrive;
    std::optional<QDate> lastSharePoint;
    std::optional<QDate> lastSkypeForBusiness;
    std::optional<QDate> lastYammer;
    std::optional<QDate> lastTeams;
    bool hasExchangeLicense = false;
    bool hasOneDriveLicense = false;
    bool hasSharePointLicense = false;
    bool hasSkypeForBusinessLicense = false;
    bool hasYammerLicense = false;
    bool hasTeamsLicense = false;
    QStringList assignedProducts;
};

struct MailAddress {
    QString name;
    QString address;
};

/// Mail header fields only: the body is never selected (SECURITY.md F1).
struct MailMessage {
    QString id;
    QDateTime receivedDateTime;
    std::optional<MailAddress> from;
    std::optional<MailAddress> sender;
    QString subject;
    bool hasAttachments = false;
};

struct AttachmentInfo {
    QString id;
    QString name;
    std::optional<QString> contentType;
    qint64 size = 0;
    bool isInline = false;
    QString odataType;  ///< #microsoft.graph.fileAttachment, itemAttachment, referenceAttachment
};

/// A record that failed its parser: where it was and why, never its content.
struct ParseIssue {
    int index = -1;
    QString id;  ///< empty when the record had no usable id
    QString problem;
};

/// What one page gave: good records, removed items (delta), and the rejects.
template <typename T> struct Parsed {
    QList<T> records;
    QList<RemovedItem> removed;
    QList<ParseIssue> issues;
};

}  // namespace stocktake::graph
