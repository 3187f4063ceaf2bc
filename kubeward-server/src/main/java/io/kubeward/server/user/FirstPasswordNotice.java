package io.kubeward.server.user;

import java.io.PrintStream;

/**
 * Shows the generated first password of {@code admin} once, on the process's own console (standard
 * output, written directly, never through the logger, so it ends up in no log file or log shipper),
 * in English and 简体中文.
 */
final class FirstPasswordNotice {

  private FirstPasswordNotice() {}

  static void print(PrintStream console, String username, String password) {
    String line = "=".repeat(72);
    console.println(line);
    console.println("  Kubeward first sign-in: user " + username + ", password " + password);
    console.println(
        "  (generated at this first start and shown only now; you will be asked to change it)");
    console.println("  Kubeward 首次登录：用户 " + username + "，密码 " + password);
    console.println("  （首次启动时生成，仅显示这一次；首次登录时需要修改）");
    console.println(line);
    console.flush();
  }
}
