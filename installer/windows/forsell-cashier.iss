; Inno Setup script of the 4Sell Cashier installer for Windows (Inno Setup 6).
;
; Build on Windows, from the repository root, after the bundle (README, "Install in a shop"):
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -c constraints.txt -e ".[build]"
;   .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\forsell-cashier.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\forsell-cashier.iss
; The result is dist\forsell-cashier-setup-<version>.exe.
;
; What it does: installs the bundle under Program Files, a Start menu entry for the till, an
; optional "start the sync in the tray when I sign in" entry (Run key of the current user), and an
; uninstaller. The till's data (%LOCALAPPDATA%\4Sell\forsell-cashier: the database, keys, logs,
; local backups) stays when the program is uninstalled, unless the user ticks the box the
; uninstaller shows for it.
; tests/packaging/test_windows_installer.py checks this file against the spec on Linux (ISCC
; itself runs only on Windows).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (it is pyproject.toml's)
#endif

#define AppName "4Sell Cashier"
#define AppExe "forsell-cashier-till.exe"
#define BundleDir "..\..\dist\forsell-cashier"

[Setup]
AppId={{6F3B8C0E-5C55-4E8B-9F0A-4C8E2D1A7B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=4Sell
AppPublisherURL=https://4sell.kz
DefaultDirName={autopf}\4Sell Cashier
DefaultGroupName=4Sell Cashier
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=forsell-cashier-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "trayautostart"; Description: "{cm:TrayAutostart}"; Flags: checkedonce

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "4SellCashierTray"; ValueData: """{app}\{#AppExe}"" --tray"; \
  Flags: uninsdeletevalue; Tasks: trayautostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[CustomMessages]
ru.TrayAutostart=Запускать синхронизацию в трее при входе в Windows
en.TrayAutostart=Start the sync in the tray when I sign in to Windows
ru.DeleteData=Удалить и данные кассы (продажи, записи, журналы) в %1?%n%nПродажи нужно хранить срок, установленный налоговым законом. Если не уверены, нажмите «Нет».
en.DeleteData=Also delete the till's data (sales, recordings, logs) in %1?%n%nSales must be kept for the period the tax law sets. If unsure, answer No.

[Code]
// The data folder is platformdirs' user_data_dir("forsell-cashier", "4Sell") of the user who
// uninstalls; it is kept unless that user says otherwise.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\4Sell\forsell-cashier');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
