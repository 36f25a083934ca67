#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Meridian::Kube {

// Which fields of an object a cache keeps — client-go's SetTransform, written as data so it can
// be applied while a list response is parsed, without building a document tree first. A spec
// names the fields to keep:
//
//   "metadata{name,namespace,labels},spec{containers{name,image}},status"
//
// keeps metadata's name, namespace and labels (labels whole), each container's name and image,
// and the whole status. Braces after a field keep only those fields of its object, or of every
// object in its array; `*` stands for any field name. Null values are left out. Fields are
// written in the order the input has them. Pure and cheap to copy.
class Projection
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Kube::Projection)

public:
    // The spec's grammar is fields := field ("," field)*; field := name ("{" fields "}")?;
    // a name is any run of characters other than ",{}" and spaces. Errors name the offset.
    static Result<Projection> parse(QByteArrayView spec);

    // An index over the projected objects (client-go's Indexers): the values at `path`, a
    // dotted list of fields in which an array stands for each of its elements, e.g.
    // "metadata.ownerReferences.name" (a pod's owners) or "involvedObject.name" (an event's
    // object). Only fields the projection keeps can be indexed. Returns a copy.
    Projection withIndex(QByteArrayView path) const;
    bool hasIndex() const { return !m_indexPath.empty(); }
    // The index values of one decoded object, and of one projected object given as JSON.
    QStringList indexValues(const QJsonObject &object) const;
    QStringList indexValuesOfJson(QByteArrayView json) const;

    // The projection of one decoded object.
    QJsonObject apply(const QJsonObject &object) const;
    // The projection of one JSON object given as text, as compact JSON (for tests and the
    // watch path); an error if `json` is not an object.
    Result<QByteArray> applyToJson(QByteArrayView json) const;

    // One page of a list response, each item projected to compact JSON while parsing.
    struct Item
    {
        QString key; // namespace/name, as Informer::keyOf
        QByteArray json;
        QStringList index; // the index values, with withIndex()
    };
    struct Page
    {
        QString resourceVersion; // the list's metadata.resourceVersion
        QString continueToken;   // metadata.continue, empty on the last page
        QList<Item> items;
    };
    // Decodes `{"metadata": {...}, "items": [...]}` with simdjson (no QJsonDocument for the page)
    // and projects every item. Errors say what is wrong with the page and at which item.
    Result<Page> projectListPage(const QByteArray &body) const;

    // The parser's buffers are kept per thread between pages (about 14 bytes per byte of the
    // largest page: tape, structural index, strings); this frees them on the calling thread.
    // Informers call it when the last list in progress on their thread is done.
    static void releaseParserMemory();

    struct Node;

private:
    explicit Projection(std::shared_ptr<const std::vector<Node>> fields);
    std::shared_ptr<const std::vector<Node>> m_fields;
    std::vector<std::string> m_indexPath;
};

} // namespace Meridian::Kube
