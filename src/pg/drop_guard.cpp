// contacts_guard_drop(): the ddl_command_start event trigger that keeps
// DROP EXTENSION contacts_ext (and DROP SCHEMA ... CASCADE of its schema) from
// silently destroying contacts.
//
// The extension owns its tables, so dropping it drops them. While any of them
// holds a row the drop is refused, unless the session says it means it with
// SET contacts_ext.allow_drop_with_data = on. The function holds no C++
// objects, so it calls PostgreSQL directly.
#include "pg/boundary.hpp"
#include "pg/settings.hpp"

extern "C" {
#include "commands/event_trigger.h"
#include "nodes/parsenodes.h"
}

namespace {

constexpr const char* kExtensionName = "contacts_ext";

bool names_contain(List* objects, const char* name) {
    ListCell* lc;
    foreach (lc, objects) {
        Node* obj = static_cast<Node*>(lfirst(lc));
        if (IsA(obj, String) && strcmp(strVal(obj), name) == 0) return true;
    }
    return false;
}

bool tables_hold_rows(const char* nspname) {
    StringInfoData sql;
    initStringInfo(&sql);
    // Catalog identifiers, quoted: nothing from the statement is spliced in.
    appendStringInfo(&sql,
                     "SELECT EXISTS (SELECT FROM %s) OR EXISTS (SELECT FROM %s) OR EXISTS (SELECT FROM %s)",
                     quote_qualified_identifier(nspname, "app_user"),
                     quote_qualified_identifier(nspname, "address"),
                     quote_qualified_identifier(nspname, "customer_relationship"));
    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    int rc = SPI_execute(sql.data, true, 1);
    if (rc != SPI_OK_SELECT || SPI_processed != 1) elog(ERROR, "could not check the contact tables: %s", SPI_result_code_string(rc));
    bool isnull;
    bool has_rows = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
    SPI_finish();
    return has_rows;
}

}  // namespace

CONTACTS_FUNCTION(contacts_guard_drop) {
    if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
        ereport(ERROR, (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
                        errmsg("contacts_guard_drop must be called as an event trigger")));
    auto* trigdata = reinterpret_cast<EventTriggerData*>(fcinfo->context);
    if (!IsA(trigdata->parsetree, DropStmt) || contacts::pg::allow_drop_with_data) PG_RETURN_VOID();

    // This function lives in the extension's schema, next to the tables.
    const char* nspname = get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid));
    if (nspname == nullptr) PG_RETURN_VOID();

    auto* stmt = reinterpret_cast<DropStmt*>(trigdata->parsetree);
    bool drops_us = (stmt->removeType == OBJECT_EXTENSION && names_contain(stmt->objects, kExtensionName)) ||
                    (stmt->removeType == OBJECT_SCHEMA && stmt->behavior == DROP_CASCADE &&
                     names_contain(stmt->objects, nspname));
    if (!drops_us || !tables_hold_rows(nspname)) PG_RETURN_VOID();

    ereport(ERROR, (errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop extension %s while its tables hold contacts", kExtensionName),
                    errdetail("Dropping the extension drops %s.app_user, %s.address and %s.customer_relationship "
                              "with every row in them.", nspname, nspname, nspname),
                    errhint("Back them up (pg_dump keeps their rows), then empty them with TRUNCATE, or run "
                            "SET contacts_ext.allow_drop_with_data = on first.")));
    PG_RETURN_VOID();
}
