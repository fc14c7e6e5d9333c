//! Build script of the `photoveil` binary: on Windows targets, embeds the program's icon (the one
//! Explorer, the taskbar and the Start menu show) and its version details (name, description,
//! version, licence) as Windows resources. Other targets need nothing, so nothing is done there.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=packaging/windows/photoveil.ico");
    println!("cargo::rerun-if-changed=packaging/windows/build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(why) = embed() {
        println!("cargo::error=the Windows resources could not be made: {why}");
    }
}

/// Writes the resource script for this version into `OUT_DIR` and has it compiled and linked.
fn embed() -> Result<(), String> {
    let out = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    let root = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let icon = Path::new(&root).join("packaging/windows/photoveil.ico");
    let version = std::env::var("CARGO_PKG_VERSION").map_err(|e| e.to_string())?;
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let [major, minor, patch] = [0, 1, 2].map(|i| numbers.get(i).copied().unwrap_or(0));
    let description = std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    let licence = std::env::var("CARGO_PKG_LICENSE").unwrap_or_default();
    // Resource scripts take C string literals: backslashes and quotes are escaped.
    let literal = |s: &str| s.replace('\\', "\\\\").replace('"', "\"\"");
    let script = format!(
        r#"#include <winver.h>
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "PhotoVeil"
      VALUE "FileDescription", "PhotoVeil"
      VALUE "ProductName", "PhotoVeil"
      VALUE "Comments", "{description}"
      VALUE "LegalCopyright", "{licence}"
      VALUE "FileVersion", "{version}"
      VALUE "ProductVersion", "{version}"
      VALUE "OriginalFilename", "photoveil.exe"
      VALUE "InternalName", "photoveil"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = literal(&icon.to_string_lossy()),
        description = literal(&description),
        licence = literal(&licence),
        version = literal(&version),
    );
    let rc = Path::new(&out).join("photoveil.rc");
    std::fs::write(&rc, script).map_err(|e| format!("{}: {e}", rc.display()))?;
    embed_resource::compile(&rc, embed_resource::NONE)
        .manifest_optional()
        .map_err(|e| e.to_string())
}
