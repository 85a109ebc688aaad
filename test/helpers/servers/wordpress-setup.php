<?php
/*
 * Installs the test site and its users, run with PHP's CLI inside the test's own copy of
 * Debian's WordPress. Prints JSON: each user's id and a fresh Application Password.
 * argv: site url, then one "login:role" per user.
 */
define('WP_INSTALLING', true);
$url = $argv[1];
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (!is_blog_installed()) {
    wp_install('CaptionDesk test desk', 'admin', 'admin@example.test', false, '', wp_generate_password(24));
}
update_option('siteurl', $url);
update_option('home', $url);
// Pretty links, so the REST API answers under /wp-json/ as on most real sites.
update_option('permalink_structure', '/%postname%/');

$out = [];
foreach (array_slice($argv, 2) as $spec) {
    [$login, $role] = explode(':', $spec);
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user([
        'user_login' => $login,
        'user_pass' => wp_generate_password(24),
        'user_email' => "$login@example.test",
        'role' => $role,
    ]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
    [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'CaptionDesk']);
    $out[$login] = ['id' => $id, 'password' => $password];
}
echo json_encode($out);
