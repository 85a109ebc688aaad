/** IPC channel names shared by main and preload. Plain strings: no runtime imports. */
export const API_CHANNEL = 'captiondesk:api';
export const EVENT_CHANNEL = 'captiondesk:event';
export const PICK_FOLDER_CHANNEL = 'captiondesk:pickFolder';
/** Main asks the renderer to open a folder (menu "Mở thư mục…", or a second launch). */
export const OPEN_FOLDER_REQUEST_CHANNEL = 'captiondesk:openFolderRequested';
export const PICK_PACKAGE_CHANNEL = 'captiondesk:pickPackage';
export const OPEN_PACKAGE_REQUEST_CHANNEL = 'captiondesk:openPackageRequest';
/** The renderer tells main its UI language: the menus and dialogs follow it. */
export const SET_LANGUAGE_CHANNEL = 'captiondesk:setLanguage';
