package kz.incidentmap.store.pg;

import java.util.List;

/**
 * What the connected user may do with the record on a server, as the server answers it: whether they may
 * change the incidents ({@code has_table_privilege(current_user, 'incidents', 'UPDATE')}), and which of
 * the record's roles they hold, for saying why not.
 *
 * @param user the database user
 * @param mayWrite whether the user may change the incidents
 * @param roles the roles kim_viewer, kim_editor and kim_admin the user holds, directly or through another role
 */
public record ServerRights(String user, boolean mayWrite, List<String> roles) {

    public ServerRights {
        roles = List.copyOf(roles);
    }

    /** The roles in words: "role kim_viewer", "roles kim_viewer, kim_admin", or "no role of the record's". */
    public String roleWords() {
        return roles.isEmpty() ? "no role of the record's" : (roles.size() == 1 ? "role " : "roles ") + String.join(", ", roles);
    }

    /** "view-only: ana may read this server's record but not change it (role kim_viewer)". */
    public String viewOnlyWords() {
        return "view-only: " + user + " may read this server's record but not change it (" + roleWords() + ")";
    }
}
