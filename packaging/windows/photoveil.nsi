; PhotoVeil's Windows installer (NSIS 3, Unicode, 64-bit). Built by tools/packaging/build-windows.sh,
; which stages the files in ${STAGE} and writes the two lists included below (every file installed,
; and the same files removed), so the uninstaller removes exactly what the installer put there.
;
; Install mode: for the current user without administrator rights
; (%LOCALAPPDATA%\Programs\PhotoVeil), or for all users when run as an administrator
; (%ProgramFiles%\PhotoVeil). `/CurrentUser` or `/AllUsers` on the command line chooses; `/S` is silent.
; Layout: photoveil.exe with models\, demo\ and licences beside it (where the program looks for them
; on Windows). The uninstaller never touches the user's photos and removes PhotoVeil's settings
; folder (%APPDATA%\PhotoVeil, %LOCALAPPDATA%\PhotoVeil) only when asked: a question answered No
; by default, or `/RemoveSettings` on a silent uninstall.
;
; makensis -DVERSION=0.1.0 -DSTAGE=<dir> -DLISTS=<dir> -DOUTFILE=<setup.exe> packaging/windows/photoveil.nsi

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!define APPID "org.photoveil.PhotoVeil"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "PhotoVeil"
OutFile "${OUTFILE}"
BrandingText "PhotoVeil ${VERSION}"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "PhotoVeil"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include x64.nsh

!define MUI_ICON "${STAGE}\photoveil.ico"
!define MUI_UNICON "${STAGE}\photoveil.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\photoveil.exe"

!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The installer speaks the languages NSIS has of PhotoVeil's three; NSIS has no Urdu, so Urdu
; Windows shows it in English (the program itself follows the system language, Urdu included).
!insertmacro MUI_LANGUAGE "English"
; MultiUser.nsh's install-mode page has no Korean in NSIS; these take its place.
!define MULTIUSER_TEXT_INSTALLMODE_TITLE "설치 방식"
!define MULTIUSER_TEXT_INSTALLMODE_SUBTITLE "$(^NameDA)을(를) 누구를 위해 설치할지 고르세요."
!define MULTIUSER_INNERTEXT_INSTALLMODE_TOP "$(^NameDA)을(를) 이 컴퓨터의 모든 사용자를 위해 설치할지, 나만을 위해 설치할지 고르세요. $_CLICK"
!define MULTIUSER_INNERTEXT_INSTALLMODE_ALLUSERS "이 컴퓨터를 쓰는 모든 사람을 위해 설치"
!define MULTIUSER_INNERTEXT_INSTALLMODE_CURRENTUSER "나만을 위해 설치"
!insertmacro MUI_LANGUAGE "Korean"

LangString NotWin64 ${LANG_ENGLISH} "PhotoVeil needs 64-bit Windows."
LangString NotWin64 ${LANG_KOREAN} "PhotoVeil은 64비트 Windows가 필요합니다."
LangString RemoveSettings ${LANG_ENGLISH} "Also delete PhotoVeil's settings, the names given to people and the remembered decoy faces? Your photos are not touched either way."
LangString RemoveSettings ${LANG_KOREAN} "PhotoVeil의 설정, 사람에게 붙인 이름, 기억된 대체 얼굴도 삭제할까요? 어느 쪽이든 사진은 건드리지 않습니다."
LangString ShortcutDescription ${LANG_ENGLISH} "Make your photos safe to post"
LangString ShortcutDescription ${LANG_KOREAN} "사진을 안전하게 올릴 수 있게 만듭니다"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NotWin64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "PhotoVeil" SecMain
  SectionIn RO
  SetOverwrite on
  ; The per-user programs folder (%LOCALAPPDATA%\Programs) may not exist yet; if the installer
  ; makes it, the uninstaller removes it again (when empty).
  ${GetParent} "$INSTDIR" $R0
  ${IfNot} ${FileExists} "$R0\*.*"
    WriteRegDWORD SHCTX "${UNINSTKEY}" "MadeParentFolder" 1
  ${EndIf}
  !include "${LISTS}\install.nsh"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\PhotoVeil.lnk" "$INSTDIR\photoveil.exe" "" \
    "$INSTDIR\photoveil.ico" 0 SW_SHOWNORMAL "" "$(ShortcutDescription)"

  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "PhotoVeil"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "The PhotoVeil team"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\photoveil.ico"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\PhotoVeil.lnk"
  !include "${LISTS}\uninstall.nsh"
  Delete "$INSTDIR\uninstall.exe"
  ; Only empty folders go: anything the user put there stays.
  RMDir "$INSTDIR"
  ReadRegDWORD $R0 SHCTX "${UNINSTKEY}" "MadeParentFolder"
  ${If} $R0 = 1
    ${GetParent} "$INSTDIR" $R1
    RMDir "$R1"
  ${EndIf}
  DeleteRegKey SHCTX "${UNINSTKEY}"

  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/RemoveSettings" $1
  ${If} ${Errors}
    MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONQUESTION "$(RemoveSettings)" /SD IDNO IDNO keep
  ${EndIf}
  ; Settings, the people book and the decoy book belong to the user running the uninstaller,
  ; also after an install for all users (directories' places for org / PhotoVeil / PhotoVeil).
  SetShellVarContext current
  RMDir /r "$APPDATA\PhotoVeil\PhotoVeil"
  RMDir "$APPDATA\PhotoVeil"
  RMDir /r "$LOCALAPPDATA\PhotoVeil\PhotoVeil"
  RMDir "$LOCALAPPDATA\PhotoVeil"
  keep:
SectionEnd
