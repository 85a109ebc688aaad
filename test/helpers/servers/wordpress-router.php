<?php
// PHP's built-in server: real files as they are, everything else to WordPress, as
// Apache's rewrite rules for pretty links do.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file(__DIR__ . $path)) return false;
require __DIR__ . '/index.php';
