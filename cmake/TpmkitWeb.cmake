# The web app's files, embedded into the binary at build time (spec server.md "The web
# app"; DESIGN.md "Server stack"): the style sheet, icon and Mustache templates of web/, and
# htmx at the exact version package-lock.json pins, from node_modules (`npm ci`). Nothing
# is fetched at run time and no CDN is involved.

# tpmkit_embed_web(TARGET): writes generated/tpmkit_web_assets.inc (rows {name, hash,
# content type, text}; the hash is the first 16 hex digits of the file's SHA-256, which goes
# into the asset's URL so that it can be cached for a year) and
# generated/tpmkit_web_templates.inc (rows {name, text}) for TARGET.
function(tpmkit_embed_web target)
  set(htmx ${CMAKE_SOURCE_DIR}/node_modules/htmx.org/dist/htmx.min.js)
  if(NOT EXISTS ${htmx})
    message(FATAL_ERROR
      "${htmx} is missing. The web app embeds htmx at the version package-lock.json pins: "
      "run `npm ci --no-audit --no-fund` in ${CMAKE_SOURCE_DIR} (scripts/build.sh does it; "
      "scripts/install-deps.sh installs npm), then configure again.")
  endif()

  set(names app.css favicon.svg htmx.min.js)
  set(files ${CMAKE_SOURCE_DIR}/web/app.css ${CMAKE_SOURCE_DIR}/web/favicon.svg ${htmx})
  set(types text/css image/svg+xml text/javascript)
  set(assets "")
  foreach(name file type IN ZIP_LISTS names files types)
    file(SHA256 ${file} hash)
    string(SUBSTRING ${hash} 0 16 hash)
    tpmkit_raw_string(text ${file} tpmkit_web)
    string(APPEND assets "{\"${name}\", \"${hash}\", \"${type}\",\n${text}},\n")
  endforeach()
  tpmkit_generated_include(${target} tpmkit_web_assets.inc "${assets}")

  file(GLOB templates CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/templates/*.mustache)
  list(SORT templates)
  set(rows "")
  foreach(file IN LISTS templates)
    get_filename_component(name ${file} NAME_WE)
    tpmkit_raw_string(text ${file} tpmkit_web)
    string(APPEND rows "{\"${name}\",\n${text}},\n")
  endforeach()
  tpmkit_generated_include(${target} tpmkit_web_templates.inc "${rows}")
endfunction()
