/** The error page for what the servlet container refuses itself, answered in the error shape of the path's surface. */
package io.quarterdeck.adapters.rest.spine.errorpage;
