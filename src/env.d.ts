interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled stories are shown. */
  readonly SHOW_DRAFTS: boolean;
}
