package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JavaScriptFramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // V8 (Node.js, Chrome)
        "at UserService.getUser (/app/src/services/user.js:45:12)                   | user.js:UserService.getUser | true",
        "at UserService.getUser (/home/ci/build/app/src/services/user.js:47:3)      | user.js:UserService.getUser | true",
        "at async UserController.list (/app/src/controllers/userController.js:88:21) | userController.js:UserController.list | true",
        "at async Promise.all (index 0)                                              | <native>:Promise.all | false",
        "at /app/src/index.js:10:5                                                   | index.js:<anonymous> | true",
        "at async /app/src/routes/users.js:19:18                                     | users.js:<anonymous> | true",
        "at new Foo (webpack:///./src/foo.ts?abcd:3:9)                               | foo.ts:Foo | true",
        "at Object.<anonymous> (/app/x.js:1:1)                                       | x.js:Object.<anonymous> | true",
        "at C:\\build\\app\\src\\index.js:10:5                                       | index.js:<anonymous> | true",
        "at file:///srv/app/src/main.mjs:3:7                                         | main.mjs:<anonymous> | true",
        "at https://cdn.example.com/static/js/main.3f2a1b9c.chunk.js:1:2345          | main.chunk.js:<anonymous> | true",
        "at n (https://cdn.example.com/static/js/2.a1b2c3d4.chunk.js?v=2:1:99)       | 2.chunk.js:n | true",
        "at loadProfile (https://cdn.example.com/assets/index-BjZ8a1Qx.js:40:1234)   | index.js:loadProfile | true",
        "at render (https://example.com/_next/static/chunks/pages/index-3f2a1b9c4d5e6f70.js:1:1) | index.js:render | true",
        "at main (https://example.com/main.3f2a1b9c4d5e6f70.js:1:1)                  | main.js:main | true",
        "at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5) | express/lib/router/layer.js:Layer.handle | false",
        "at /app/node_modules/@babel/runtime/helpers/asyncToGenerator.js:3:24        | @babel/runtime/helpers/asyncToGenerator.js:<anonymous> | false",
        "at process.processTicksAndRejections (node:internal/process/task_queues:95:5) | node:internal/process/task_queues:process.processTicksAndRejections | false",
        "at Module._compile (internal/modules/cjs/loader.js:999:30)                  | internal/modules/cjs/loader.js:Module._compile | false",
        "at Array.map (<anonymous>)                                                  | <native>:Array.map | false",
        "at Array.forEach (native)                                                   | <native>:Array.forEach | false",
        "at eval (eval at compile (/app/src/tpl.js:3:10), <anonymous>:1:1)           | <eval>:eval | false",
        "at chrome-extension://abcdefghijklmnop/content.js:1:1                       | content.js:<anonymous> | false",
        // Firefox, Safari
        "getUser@http://localhost:3000/static/js/bundle.js:45:12                     | bundle.js:getUser | true",
        "async*loadProfile@http://localhost:5173/src/pages/Profile.tsx:22:24         | Profile.tsx:loadProfile | true",
        "promise callback*loadProfile@http://localhost:5173/src/pages/Profile.tsx:22:24 | Profile.tsx:loadProfile | true",
        "Profile/</<@http://localhost:5173/src/pages/Profile.tsx:31:5                | Profile.tsx:Profile | true",
        "@http://localhost:3000/static/js/bundle.js:1:1                              | bundle.js:<anonymous> | true",
        "@debugger eval code:1:1                                                     | <eval>:<anonymous> | false",
        "global code@https://example.com/app.js:3:1                                  | app.js:global code | true",
        "map@[native code]                                                           | <native>:map | false",
        "dispatch@http://localhost:5173/node_modules/.vite/deps/react-dom.js?v=8c1d2f3a:16670:20 | .vite/deps/react-dom.js:dispatch | false",
        "handler@moz-extension://0b1c2d3e/content.js:9:3                            | content.js:handler | false"})
    void frame_lines_parse_to_identity_and_origin(String line, String identity, boolean inApp) {
        assertEquals(new Frame(identity, inApp), JavaScriptFrames.parseLine(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TypeError: Cannot read properties of undefined (reading 'email')",
        "Error: invalid address ada@example.com",
        "Error: mail to ada@example.com:25 failed",
        "[native code]",
        "at"})
    void other_lines_are_no_javascript_frames(String line) {
        assertNull(JavaScriptFrames.parseLine(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main.3f2a1b9c.chunk.js            | main.chunk.js",
        "main.js                           | main.js",
        "vendors~main.9e8d7c6b.js          | vendors~main.js",
        "index-BjZ8a1Qx.js                 | index.js",
        "user-settings.js                  | user-settings.js",
        "3f2a1b9c4d5e6f70.js               | <hash>.js",
        "jquery.min.js                     | jquery.min.js",
        "lodash.js                         | lodash.js"})
    void bundle_content_hashes_are_removed(String name, String expected) {
        assertEquals(expected, JavaScriptFrames.withoutContentHash(name));
    }
}
