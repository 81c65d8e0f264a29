package org.advocacyhub.casework.web;

import java.util.List;
import org.advocacyhub.web.ApiOperation;

/**
 * Some routes of the staff API, by resource (cases, staff, waiting list, time...): each group is a
 * bean the router collects, so a capability adds its routes without touching the others.
 */
public interface RouteGroup {

    List<ApiOperation> operations();
}
