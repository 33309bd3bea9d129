// The size estimate of the unfiltered contacts; see table_estimate.hpp.
#include "pg/table_estimate.hpp"

#include "pg/boundary.hpp"

extern "C" {
#include "catalog/pg_class.h"
#include "optimizer/optimizer.h"
#include "optimizer/plancat.h"
#include "utils/acl.h"
#include "utils/rel.h"
#include "utils/rls.h"
}

namespace contacts::pg {

std::optional<double> unfiltered_contacts_estimate(FunctionCallInfo fcinfo) {
    const Oid fn = fcinfo->flinfo->fn_oid;
    // Plain C frame: PostgreSQL calls only. A negative result means "plan".
    const double rows = pg_call([=]() -> double {
        const Oid relid = get_relname_relid("app_user", get_func_namespace(fn));
        if (!OidIsValid(relid)) return -1;  // planning the statement reports it
        // What the executor checks for "SELECT 1 FROM app_user": SELECT on
        // the table, or on at least one of its columns.
        const Oid user = GetUserId();
        const AclResult acl = pg_class_aclcheck(relid, user, ACL_SELECT);
        if (acl != ACLCHECK_OK && pg_attribute_aclcheck_all(relid, user, ACL_SELECT, ACLMASK_ANY) != ACLCHECK_OK)
            aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));
        if (check_enable_rls(relid, InvalidOid, true) != RLS_NONE) return -1;
        // Locked as planning would lock it, until the end of the transaction.
        Relation rel = table_open(relid, AccessShareLock);
        double estimate = -1;
        if (rel->rd_rel->relkind == RELKIND_RELATION && !rel->rd_rel->relhassubclass) {
            BlockNumber pages = 0;
            double tuples = 0;
            double allvisfrac = 0;
            estimate_rel_size(rel, nullptr, &pages, &tuples, &allvisfrac);
            estimate = clamp_row_est(tuples);
        }
        table_close(rel, NoLock);
        return estimate;
    });
    if (rows < 0) return std::nullopt;
    return rows;
}

}  // namespace contacts::pg
