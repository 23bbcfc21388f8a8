package io.quarterdeck.domain.errors.fingerprint;

/** Real-looking stack traces, as the four supported runtimes print them. */
final class Traces {
    private Traces() {
    }

    /**
     * A Jakarta REST request on Open Liberty: Hibernate throws inside an app repository called through Weld
     * interceptors and a lambda, with a "Caused by" section.
     */
    static final String JAVA_LIBERTY = """
            jakarta.persistence.OptimisticLockException: Row was updated or deleted by another transaction : [com.acme.orders.Order#4711]
            \tat org.hibernate.internal.ExceptionConverterImpl.wrapStaleStateException(ExceptionConverterImpl.java:202)
            \tat org.hibernate.internal.ExceptionConverterImpl.convert(ExceptionConverterImpl.java:88)
            \tat org.hibernate.internal.SessionImpl.doFlush(SessionImpl.java:1453)
            \tat org.hibernate.internal.SessionImpl.flush(SessionImpl.java:1432)
            \tat com.acme.orders.persistence.OrderRepository.save(OrderRepository.java:41)
            \tat com.acme.orders.persistence.OrderRepository$Proxy$_$$_WeldSubclass.save$$super(Unknown Source)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
            \tat java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:568)
            \tat org.jboss.weld.interceptor.proxy.TerminalAroundInvokeInvocationContext.proceedInternal(TerminalAroundInvokeInvocationContext.java:51)
            \tat org.jboss.weld.interceptor.proxy.AroundInvokeInvocationContext.proceed(AroundInvokeInvocationContext.java:78)
            \tat com.ibm.tx.jta.cdi.interceptors.Required.required(Required.java:40)
            \tat jdk.internal.reflect.GeneratedMethodAccessor312.invoke(Unknown Source)
            \tat org.jboss.weld.interceptor.reader.SimpleInterceptorInvocation$SimpleMethodInvocation.invoke(SimpleInterceptorInvocation.java:73)
            \tat org.jboss.weld.bean.proxy.CombinedInterceptorAndDecoratorStackMethodHandler.invoke(CombinedInterceptorAndDecoratorStackMethodHandler.java:79)
            \tat com.acme.orders.persistence.OrderRepository$Proxy$_$$_WeldSubclass.save(Unknown Source)
            \tat com.acme.orders.OrderService.lambda$place$0(OrderService.java:77)
            \tat com.acme.orders.OrderService$$Lambda$1432/0x0000000801a2c4e8.get(Unknown Source)
            \tat com.acme.orders.Retry.withBackoff(Retry.java:31)
            \tat com.acme.orders.OrderService.place(OrderService.java:75)
            \tat com.acme.orders.OrderService$Proxy$_$$_WeldClientProxy.place(Unknown Source)
            \tat com.acme.orders.api.OrderResource.create(OrderResource.java:52)
            \tat com.acme.orders.api.OrderResource$Proxy$_$$_WeldClientProxy.create(Unknown Source)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:568)
            \tat org.jboss.resteasy.core.MethodInjectorImpl.invoke(MethodInjectorImpl.java:154)
            \tat org.jboss.resteasy.core.ResourceMethodInvoker.internalInvokeOnTarget(ResourceMethodInvoker.java:660)
            \tat org.jboss.resteasy.core.SynchronousDispatcher.invoke(SynchronousDispatcher.java:440)
            \tat io.openliberty.org.jboss.resteasy.common.component.LibertyResteasyServlet.service(LibertyResteasyServlet.java:61)
            \tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:614)
            \tat com.ibm.ws.webcontainer.servlet.ServletWrapper.service(ServletWrapper.java:1258)
            \tat com.ibm.ws.webcontainer.filter.WebAppFilterManager.invokeFilters(WebAppFilterManager.java:1207)
            \tat com.ibm.ws.http.dispatcher.internal.channel.HttpDispatcherLink$TaskWrapper.run(HttpDispatcherLink.java:1180)
            \tat com.ibm.ws.threading.internal.ExecutorServiceImpl$RunnableWrapper.run(ExecutorServiceImpl.java:247)
            \tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
            \tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            Caused by: org.hibernate.StaleObjectStateException: Row was updated or deleted by another transaction : [com.acme.orders.Order#4711]
            \tat org.hibernate.persister.entity.AbstractEntityPersister.check(AbstractEntityPersister.java:2540)
            \tat org.hibernate.engine.jdbc.mutation.internal.ModelMutationHelper.identifiedResultsCheck(ModelMutationHelper.java:75)
            \tat com.acme.orders.audit.AuditListener.onFlush(AuditListener.java:19)
            \tat org.hibernate.internal.SessionImpl.doFlush(SessionImpl.java:1449)
            \t... 36 more
            """;

    /** The same failure from another build: other line numbers, lambda numbers, hidden-class addresses, JDK. */
    static final String JAVA_LIBERTY_REBUILT = JAVA_LIBERTY
            .replace("OrderRepository.java:41", "OrderRepository.java:44")
            .replace("OrderService.java:77", "OrderService.java:81")
            .replace("OrderService.java:75", "OrderService.java:79")
            .replace("OrderResource.java:52", "OrderResource.java:58")
            .replace("lambda$place$0", "lambda$place$3")
            .replace("$$Lambda$1432/0x0000000801a2c4e8", "$$Lambda$1519/0x000000080129f230")
            .replace("GeneratedMethodAccessor312", "GeneratedMethodAccessor97")
            .replace("java.base/", "java.base@17.0.12/")
            .replace("(Thread.java:840)", "(Thread.java:833)");

    /** Only runtime and framework frames: a Liberty worker thread failing by itself. */
    static final String JAVA_FRAMEWORK_ONLY = """
            java.util.concurrent.RejectedExecutionException: Task rejected from pool default-executor
            \tat com.ibm.ws.threading.internal.ExecutorServiceImpl.execute(ExecutorServiceImpl.java:398)
            \tat io.openliberty.microprofile.reactive.messaging.internal.Dispatcher.dispatch(Dispatcher.java:88)
            \tat java.base/java.util.concurrent.CompletableFuture$AsyncSupply.run(CompletableFuture.java:1768)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            """;

    /** Node.js 20 (V8): lodash throws inside app code, with async frames and node internals. */
    static final String NODE = """
            TypeError: Cannot read properties of undefined (reading 'email')
                at /app/node_modules/lodash/lodash.js:13400:29
                at arrayMap (/app/node_modules/lodash/lodash.js:653:23)
                at Function.map (/app/node_modules/lodash/lodash.js:9622:14)
                at UserService.toPublicProfiles (/app/src/services/userService.js:45:12)
                at UserService.listActive (/app/src/services/userService.js:31:17)
                at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
                at async Promise.all (index 0)
                at async UserController.list (/app/src/controllers/userController.js:88:21)
                at async /app/src/routes/users.js:19:18
            """;

    /** The same failure deployed elsewhere (CI build directory, Windows-free) with shifted lines and columns. */
    static final String NODE_REDEPLOYED = NODE
            .replace("/app/", "/home/ci/build/app/")
            .replace("userService.js:45:12", "userService.js:47:14")
            .replace("userService.js:31:17", "userService.js:33:17")
            .replace("userController.js:88:21", "userController.js:90:9")
            .replace("(index 0)", "(index 2)");

    /** Firefox, Vite dev server: the app fetch fails inside a React effect. */
    static final String FIREFOX = """
            fetchUser@http://localhost:5173/src/api/users.ts?t=1737368400000:14:11
            async*loadProfile@http://localhost:5173/src/pages/Profile.tsx:22:24
            Profile/<@http://localhost:5173/src/pages/Profile.tsx:31:5
            commitHookEffectListMount@http://localhost:5173/node_modules/.vite/deps/chunk-RPCDYKBN.js?v=8c1d2f3a:16915:34
            commitPassiveMountOnFiber@http://localhost:5173/node_modules/.vite/deps/chunk-RPCDYKBN.js?v=8c1d2f3a:18156:19
            flushPassiveEffects@http://localhost:5173/node_modules/.vite/deps/chunk-RPCDYKBN.js?v=8c1d2f3a:19537:20
            """;

    /** Firefox, production bundle from a CDN (Create React App naming). */
    static final String FIREFOX_PRODUCTION = """
            getUser@https://cdn.example.com/static/js/main.3f2a1b9c.chunk.js:1:2345
            loadProfile/<@https://cdn.example.com/static/js/main.3f2a1b9c.chunk.js:1:5012
            @debugger eval code:1:1
            """;

    /** The same code rebuilt and served from another host. */
    static final String FIREFOX_PRODUCTION_OTHER_HOST = FIREFOX_PRODUCTION
            .replace("https://cdn.example.com", "http://static.example.org:8080")
            .replace("main.3f2a1b9c.chunk.js:1:2345", "main.9e8d7c6b.chunk.js:1:2417")
            .replace("main.3f2a1b9c.chunk.js:1:5012", "main.9e8d7c6b.chunk.js:1:5101");

    /** Python 3.11 with SQLAlchemy: a chained IntegrityError raised through app code. */
    static final String PYTHON = """
            Traceback (most recent call last):
              File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1965, in _exec_single_context
                self.dialect.do_execute(
              File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 921, in do_execute
                cursor.execute(statement, parameters)
            psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"
            DETAIL:  Key (email)=(ada@example.com) already exists.


            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "/srv/app/orders/api.py", line 88, in create_order
                order = service.place_order(payload)
                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "/srv/app/orders/service.py", line 42, in place_order
                self.repo.save(order)
              File "/srv/app/orders/repository.py", line 17, in save
                self.session.commit()
              File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/orm/session.py", line 1969, in commit
                trans.commit(_to_root=True)
              File "<string>", line 2, in commit
              File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/orm/state_changes.py", line 139, in _go
                ret_value = fn(self, *arg, **kw)
                            ^^^^^^^^^^^^^^^^^^^^
              File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 921, in do_execute
                cursor.execute(statement, parameters)
            sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "users_email_key"
            """;

    /** The same failure from another install: system Python 3.12, another release directory, shifted lines. */
    static final String PYTHON_REINSTALLED = PYTHON
            .replace("/srv/app/.venv/lib/python3.11/site-packages/", "/usr/local/lib/python3.12/site-packages/")
            .replace("/srv/app/orders/", "/home/deploy/releases/20250120/orders/")
            .replace("line 42, in place_order", "line 45, in place_order")
            .replace("line 17, in save", "line 19, in save");

    /** Only library and standard-library frames: requests failing to connect. */
    static final String PYTHON_LIBRARY_ONLY = """
            Traceback (most recent call last):
              File "/usr/lib/python3/dist-packages/urllib3/connection.py", line 174, in _new_conn
                conn = connection.create_connection(
              File "/usr/lib/python3/dist-packages/urllib3/util/connection.py", line 95, in create_connection
                raise err
              File "/usr/lib/python3.11/socket.py", line 836, in create_connection
                sock.connect(sa)
            ConnectionRefusedError: [Errno 111] Connection refused
            """;
}
