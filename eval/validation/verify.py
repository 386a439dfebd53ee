#!/usr/bin/env python3
"""Re-check questions.jsonl against corpus/ and print every problem found.

Checks:
  * every line is a valid question object (fields, types, kinds, unique ids of the
    form val-<kind>-NN, or val2-<kind>-NN, val3-<kind>-NN, val4-<kind>-NN, val5-<kind>-NN,
    val6-<kind>-NN, val7-<kind>-NN, val8-<kind>-NN, val9-<kind>-NN, val10-<kind>-NN,
    val11-<kind>-NN, val12-<kind>-NN, val13-<kind>-NN, val14-<kind>-NN, val15-<kind>-NN,
    val16-<kind>-NN, val17-<kind>-NN, val18-<kind>-NN, val19-<kind>-NN, val20-<kind>-NN,
    val21-<kind>-NN, val22-<kind>-NN, val23-<kind>-NN, val24-<kind>-NN, val25-<kind>-NN,
    val26-<kind>-NN, val27-<kind>-NN, val28-<kind>-NN, val29-<kind>-NN, val30-<kind>-NN,
    val31-<kind>-NN, val32-<kind>-NN, val33-<kind>-NN, val34-<kind>-NN, val35-<kind>-NN,
    val36-<kind>-NN, val37-<kind>-NN, val38-<kind>-NN, val39-<kind>-NN, val40-<kind>-NN,
    val41-<kind>-NN, val42-<kind>-NN, val43-<kind>-NN, val44-<kind>-NN, val45-<kind>-NN,
    val46-<kind>-NN, val47-<kind>-NN, val48-<kind>-NN, val49-<kind>-NN, val50-<kind>-NN, val51-<kind>-NN, val52-<kind>-NN, val53-<kind>-NN, val54-<kind>-NN, val55-<kind>-NN, val56-<kind>-NN, val57-<kind>-NN, val58-<kind>-NN, val59-<kind>-NN, val60-<kind>-NN, val61-<kind>-NN, val62-<kind>-NN, val63-<kind>-NN, val64-<kind>-NN, val65-<kind>-NN, val66-<kind>-NN, val67-<kind>-NN, val68-<kind>-NN, val69-<kind>-NN, val70-<kind>-NN, val71-<kind>-NN, val72-<kind>-NN, val73-<kind>-NN, val74-<kind>-NN, val75-<kind>-NN, val76-<kind>-NN, val77-<kind>-NN, val78-<kind>-NN, val79-<kind>-NN and val80-<kind>-NN for the second to eightieth batches; NN has two digits, or three once a kind's numbers pass 99);
  * every corpus file has the sha256 listed below, and no file is missing or extra;
  * no corpus file is byte-identical (same sha256) to a file of the development set's corpus
    (shared/eval/dev/corpus, beside the checkout or inside it) or of samples/corpus: the set
    must hold nothing the product was tuned on (skipped, with a note, when the development
    set is not there);
  * the corpus stays small enough to ingest quickly: PDFs at most 972 pages in all,
    pictures at most 1.5 megapixels each, the whole corpus at most 126.3 MB;
  * every cited file exists in corpus/; PDF pages are 1-based and within the document, and
    so are the pages of office files that have them: a slide of a .pptx, a sheet of an
    .xlsx (in workbook order), a section of an .epub (in reading order, its spine);
  * text / table: the first answer occurs on the cited PDF page (pdftotext, with and
    without -layout), in the cited slide / sheet / section, or in the cited text /
    Markdown / HTML / CSV / .docx file (office files are read with zipfile and the XML
    parser of the standard library);
  * figure: the same, but a PDF page is also searched in the tesseract output of the
    page rendered at 300 dpi, because screenshots embedded as pictures carry their
    text only as pixels; answers that are only a colour are listed in BY_EYE;
  * multi: the first answer occurs on the last cited page (the end of the bridge);
  * every further answer occurs in the same place too, unless PARAPHRASES lists it
    (a rewording a reply may use, e.g. "light gray" for "light grey");
  * image / ocr: the cited file is a PNG or JPEG image; for ocr, the answers occur in
    the tesseract output of the image (skipped, with a note, when tesseract is not
    installed);
  * unanswerable: answers and sources are both empty;
  * every picture is either cited or listed as a distractor, and distractors are never
    cited; every document is cited.

Matching is case-insensitive, after collapsing runs of whitespace to one space.
Needs pdftotext, pdfinfo and pdftoppm (poppler-utils); tesseract is optional.
Usage: python3 verify.py        (exit status 0 when there are 0 problems)
"""

import hashlib
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from posixpath import dirname as zip_dirname
from posixpath import join as zip_join
from posixpath import normpath as zip_normpath

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
QUESTIONS = os.path.join(HERE, "questions.jsonl")
REPO = os.path.dirname(os.path.dirname(HERE))
# Corpora the validation set must share no file with: the development set, where CI lays it
# (beside the checkout) or inside the checkout, and the samples.
DEV_CORPORA = (
    os.path.join(os.path.dirname(REPO), "shared", "eval", "dev", "corpus"),
    os.path.join(REPO, "shared", "eval", "dev", "corpus"),
)
SAMPLES_CORPUS = os.path.join(REPO, "samples", "corpus")

KINDS = {"text", "table", "figure", "image", "ocr", "unanswerable", "multi"}
ID_KIND = {
    "text": "text",
    "table": "table",
    "fig": "figure",
    "img": "image",
    "ocr": "ocr",
    "unans": "unanswerable",
    "multi": "multi",
}
TEXT_KINDS = {"text", "table", "figure"}
IMAGE_EXT = (".png", ".jpg", ".jpeg")
DOC_EXT = (".txt", ".md", ".html", ".htm", ".csv", ".docx")
# Office files whose sources carry a page: a slide, a sheet, an e-book section.
PAGED_EXT = (".pptx", ".xlsx", ".epub")
MAX_PDF_PAGES = 972
MAX_PIXELS = 1_500_000
MAX_BYTES = 126_300_000

SHA256 = {
    "dotguide.pdf": "6aa4a4f220de2a2a3a00f3cd48a6aebd972a2691dddfd228b97f0733b38e8066",
    "maintain.pdf": "aebd1a7558d33624f35b350cd9cbc00095501ae4333c4fc8719b325bb5128e2a",
    "neatoguide.pdf": "87b9788e8388b144ac313052524b56f26e7053cbd5a24f18ffa7af75403bf4af",
    "ocrad-README.txt": "5f1e5c0c684a7e3a01c58a5e89919c784dbf8aac8b706781011d72a3b6f78e22",
    "smyrna.pdf": "10af0c5a0c6008bba5d4d2184708e7649198f459e6b576213b8c2528e46fe12f",
    "unpaper-image-processing.html": "22775ae73a94e04370720ee528ee5fd9f67aa6ee15abfc63f66501cfe40ea2d3",
    "val_img_01.png": "68ae26c0d55f3363a3a9256adbcca93da16d905a0230702e472e45e02a1e50af",
    "val_img_02.jpg": "62b8f50836945f5bc4d45b625dfc94fd2734f64c775ca2023d377ac6dab52981",
    "val_img_03.png": "e0dcb15332ec2189e539e67fa4c3d277346514bd45f846544f8d03e0cbd26659",
    "val_img_04.jpg": "a542d7f43be6f35ab659c36f32a92f21b2db0fdce13b887de2382dab43fd4b5f",
    "val_img_05.jpg": "3f6807e97c360cc36b4759c443da681e418af0119084446419bcc9debfc3b988",
    "val_img_06.png": "91e95b4e7b958630c0e83d8924655b4a9b90cfa2d08ee33b39d19fd3044bd788",
    "val_img_07.png": "5f83cb2c265ab05cf827b5ee5e1fa021002422fca91d1246598c7d7e227318c4",
    "val_img_08.png": "880e6366a12cf9742802c10a0aaaa712ee87ff45d32848e089be3a683c3e4951",
    "val_img_09.jpg": "3a7b850555aac9598b81bc0bdd11058b82598ee62c3e085a2ca35501fa4e485f",
    "val_img_10.jpg": "8787c0954f8895c2cc483e97e94ec3bca9d2bcd39d9a0e3be79fdbedc5542366",
    "val_img_11.jpg": "ea6c3c538c571c86acd765e9ee6556db1316c908b2dc38e362d9adc893b8d78a",
    "val_img_12.jpg": "5936634ce93cc7ff7464f5221ef87f05d41650df125fe177115c92ce6e082b12",
    "val_img_13.png": "88459764be9ee433bacd87c5d893d19eca7a5795bb1b4b5bea212840c5049591",
    "val_img_14.png": "212b77c9f8903f4bcb93c18efe982cd44a0b24280f19029dcd435b2b7dc4d12a",
    "val_img_15.png": "49c74e78b940ffe1f9bcd82e3b26530abd43507419534637f0d457eee017997a",
    "val_img_16.png": "49e4a5a4396c704e14eaf5dc15a8351621a599f1f9855f0bca71520ad74da909",
    "val_img_17.png": "14ebf4654e531b6534cb78d5f791dc08a152e28bb449f4da4babefbb22e230bc",
    "val_img_18.png": "af2e58d1e561e25490b687cc45f93f52b7e14c879675d6f392e74ebf6420b51e",
    "val_img_19.png": "f90dfb1ab289fa2e9ada4a0e35595a580c1add42372256df1c7d80ee93d1e014",
    "val_img_20.jpg": "7a73d66facc46cc3d7e0ff866600fd5bd4190daf14d21b44378eb9217ed0afc2",
    "val_img_21.png": "52caae5a2c80f34d02cf1c13774175e6f258288dba10e30132d8d78c10458693",
    "val_img_22.jpg": "2884b40e0365131a5382179c656fc79156107e8cab5f918e46693a474cbbf94b",
    "val_img_23.jpg": "be46aad629036adf8915b83d42de68d585f3f320b0d13de23f900c5a4ee00449",
    "val_img_24.png": "e25acd7dcc637dd83b8af6ad0e0263c21ae90e8181df5f675c4c1342c5ee4bee",
    "val_img_25.png": "ec44f8ac2f312e9ce6d8ae08ef4a5c6fab79aa5983b5b783e60e60b9353b640f",
    "val_img_26.jpg": "0586d9dfd8812e317148635014a731bedc5f8478f88202f1aaa1ca69adf36f8c",
    "val_img_27.png": "951811e522292a41a16b609845cdc7a7bc3caba1a80e35ab9a6ae516c1b6fc20",
    "val_img_28.png": "b66d251fe0e249afb31356d0004278c96065f01738d8b17fdb9cf4a973ded230",
    "val_img_29.png": "c0f71083dff3fe947e431966a472884b187b353a8929bc9269ef4dfce38cb5f2",
    "val_img_30.jpg": "89e86af38d04daaef975665dc2127e9fa76f0fd68f4eea105a2d0ae3390b010b",
    "zstd-README.md": "682212486494a36ec1545925c467b4faeee0b1326795584346747b159c10a0f6",
    "debian-releases.csv": "f52f5cc3f8047accbe03d28865436d7b1a2b2dec017f51c3ee5ad2017295e0ec",
    "libffi-manual.epub": "a9d1383c87c0542bd13b6f00ced8b4f50c48c1080c5870d7612dd19d16bda336",
    "pip-dependency-resolution.pptx": "f7950263eac056d48e3e544ce8de04b5817774ef0804ec17005932280dbf59f5",
    "tz-zones.xlsx": "69cd189cfdafc10f33643f54795f8bc6b977d12f2447e9f37a2069c2e4d7838d",
    "users-and-groups.docx": "8fb99a633140528ae291be25d825cf528e2081a99b4d831977637f349f39530e",
    # Second batch (ids val2-*), written later over documents and pictures of their own.
    "MIE1.1-20070121.pdf": "068527a8b8e43ecc9357bd7640f3c1ebfe2796481be630fc679e8d59762ef45e",
    "shared-mime-info-spec.pdf": "4d9666c46b4d367a12e2922f4f3b114396c377106c57bbc934d03320e6888002",
    "dottyguide.pdf": "2a0e0789c3132a9c205453545a7f24c86dc9096711f585b007871718010d965f",
    "xz-manpage.txt": "ebeb06ba9aa104bd2ea97f24741acdbad8e41e38355b01359386e6cc843a7199",
    "val_img_31.jpg": "e50ffab5011a9f7183cdc9cebea473bd6a4a7e20a4e7f4d2d998276852507611",
    "val_img_32.jpg": "7f1883839831dfa85f084c6a9d897756a9dba5eddcf22c5a057c712402695c07",
    "val_img_33.png": "08bff5cf45184d628e77fd4f2c9697be5af4da4d90d038ea7bb13f260201fdf0",
    "val_img_34.jpg": "1c5983ea860473c36b4553d9e662e3c533ce1764baced0e6a0876cae9392c72b",
    "val_img_35.png": "e33a276e93f6192d107a5355c75ff331f21cef7f6e4821740578a1621cb7bf52",
    "val_img_36.jpg": "da1b54b445af089154bda3adf2dc13fb7e633bed582ca5d4df6d0e64326fb484",
    "val_img_37.jpg": "27943cf7164115c3822080981d1723b8934506ac3957bee6a24d339307794e40",
    "val_img_38.jpg": "7af9bf671dc9a78ae05bec6dbc2d72d3bb1bba0861542c4bf21f96ed9a21bbd6",
    "val_img_39.jpg": "97f3b23af375e5a03bc12e586e1ef9fd2b7ef92d0b21b5d02667879d7d794b9b",
    "val_img_40.png": "44d8d9c747822a2d01d38ce84525d947d09ea798fa76e5dad373e1ff5c619ac6",
    "val_img_41.jpg": "85937b985eaa1765c08a9eb490fdcf066b1edbf4b677a2fbd5a7b0cb10ea64f1",
    # Third batch (ids val3-*), written before any tuning on the first two, over files of its own.
    "e1071-svmdoc.pdf": "be8a045b09f32471e0495f5796a5b696b27707dfa73a3611f9e42918e6a51f53",
    "lmtest-intro.pdf": "a60f149a85222f49e47cdd1a432719f044e4f32c1cdb229f91af8e9171ac87b7",
    "glpk-pbn.pdf": "49e39417123836effe2da3f5b6fe770ed8c5eabc9d3d34bc929df934b3e7fe9b",
    "hyperfine-manpage.txt": "06615c640706ce2744b1b9788a881fa5375c62a02832564c62a486688644ac06",
    "etcd-hardware.md": "f92148a103281e2e22035d51242314cf256f2793f274b481e2c45ede651852ae",
    "ubuntu-releases.csv": "245a63ae54973363f0a9e49c9c1ec3897779fd6086d0e589badb6260d23e1023",
    "val_img_42.jpg": "ade5b67347d7f89b1539c93843f3f7178782a7e34eb1fe586f4a785c3e60a432",
    "val_img_43.jpg": "1fbd813ccf59de8c4a988ac946ee272923851afb52907e175487e5b2ac41aef7",
    "val_img_44.jpg": "8e8b3959b41b0683f2254b6b701099b627a516f649ba0ea84dee9601eeddaf76",
    "val_img_45.png": "a2792ef1471f05df832d23c0892da8d9c937f71838363d33705b38b28ef1bb6d",
    "val_img_46.png": "2ced8316c90e0bba997ffb051074a02388842b95f8721246fe658d7ae01fdeb2",
    "val_img_48.png": "816e96228c8ab609fe8383b56026fbb2243feed528325f80aafcc1d6f154ebc3",
    "val_img_51.png": "3153768bcdc99120b657921712196b3752d8e16eb1526f697593405291049adb",
    "val_img_52.jpg": "34a99716b78ded10eae87b4880de739d3e68cc7dd1a96812bb28f469d5eeaea8",
    "val_img_53.jpg": "fe1b85e1ab6e86a3dc1e636681a5bf06ce5c58d98ccb417609a48f5ff3cbd766",
    "val_img_54.png": "6a38e630ac61c0063172e6952307188ca2e0ba8a2f36d2fe6759f46a6ff24f7c",
    # Fourth batch (ids val4-*), written before the next round of tuning, over files of its own.
    "colorspace-hcl-colors.pdf": "08c844ce1cab59d4695f1854cb2b24c560d1fd98141fdf1d208c43cf9c4b3495",
    "RcppArmadillo-intro.pdf": "f67ccddadcbe27f001f1848cb346746b78bc56e81dbaa2d866f91abd2ee56d38",
    "systemd-cryptenroll-manpage.txt": "ad6755254a8ba35015371263aa5f8828fcf52586dafa32701f4864350ca16b6c",
    "systemd-uids-gids.md": "f7dd18e4b0c8fd40fda455de50dd6c2425321862b072d9550ba2bcb1c9e0b757",
    "val_img_56.png": "6d87a23f7c9cd6ace6e91658e154ac509eaf1076fad97a6dc849388a728931d4",
    "val_img_57.png": "abbb5335d7c3fe57b3add6dea692955121e62478d05660b3608d7f95b09878a0",
    "val_img_58.jpg": "77e107edfff3f82b0888642cd635bf1b4cd84f819715e88b5198b647cac933bd",
    "val_img_59.png": "87bb081d24deee22dcb0dcbe9a9b501d65f1494a4c9f9d75297a230c6327d880",
    "val_img_60.png": "f30c9cd665e242a6680852f5d97a994d8e61fd93f2f8dd17d09909c4093f948d",
    "val_img_61.jpg": "4f68c9927e70b6e1630ec0c7c24e5ac81438a2cecfcb8cd8f18913adeffa7289",
    "val_img_62.png": "ba46fe1b1488de9c09426c96a29585c4b5a9f36b8432e938a93986ff0e94f2bf",
    "val_img_63.png": "c83c9221c5cf8bba355212d0d5dd16ea8cce36d4c47b4b67f6535a022a43168d",
    "val_img_64.jpg": "37525d853e049eb17d8d8fb361e77ac82cdd89bfbe43fb227a03d6239a9ec0f2",
    "val_img_65.png": "453e416661b6442b8a16fe6d2e07e16f6a738bbd414d8d8578e7b3bd52aec427",
    "val_img_66.png": "35273fdf4a6c1cbc346908f8f2ecef9b36deaaf585da886648021d951fe2fefb",
    "val_img_67.jpg": "0c78e7fb38dd6a223aae2eb787af50d870bd712fa8d9d6ad40723241eb7189fa",
    "val_img_68.jpg": "c89d3bd002d32c6e3917836090d65c0eb4e6b20d3695dae2036fb4197b9cfc62",
    "val_img_69.png": "6812882619228b757e125f69eaddccb3ff8fd4ba003c0d06d5a6fa13a4a238d0",
    "val_img_70.jpg": "7c8bdd3b6cad4b4d61d4c8ba8736825baec55dd83fc98564cb7c36b0d688ae06",
    # Fifth batch (ids val5-*), written before the next round of tuning, over files of its own.
    "multcomp-chfls1.pdf": "20d0e642e02632d5563e0fb3a79ba791ea43e8f027b257a3b2dd6e767672a7c7",
    "hexbin-hexagon-binning.pdf": "43e15d8b05b5fac95d2aaeb15f8225783102242d54f3bfe85d54b71d4e9dc6da",
    "pigz-manpage.txt": "ef73b8ff2277e6f186f71059e3af2940a6b818648e02ef7920ef8b72bca65af2",
    "readr-locales.html": "7f9fcab036a065537edb6eba6492f2ecba5dc1e05455530f52ba21823684c0e0",
    "readr-massey-rating.txt": "ae271623141ed5687bfc98c2e71259c7442e9eace21bd34a801a355ae9878fa4",
    "mini-gapminder-europe.csv": "bb29bfcb5f44946deb9d3387166cc44bcbe4379f95b824838230296a839228d8",
    "val_img_71.jpg": "351fb99aa2288bf69062fcd483a54651a58a667c0858ac0ccfa1096a6066816d",
    "val_img_72.png": "b1f1069be9a40ab8d8fb39a92604c8ea575d8ba3fcce170e170e74e0c757a834",
    "val_img_73.jpg": "8e465d6c0724f57de26d16d1324c647867ba4ca0e5468269f7ee96bc278eea3e",
    "val_img_74.jpg": "864af7aa2dfeef7f068d4393424b25d15a1c5933ca6cef77c048f236af73d572",
    "val_img_75.jpg": "30ad2429d676e0a6c791b60399ec704991a3521546e120b820e5aeee954e26b8",
    "val_img_76.png": "eb66d571c456bae9f23cb0ed84f219053f16038a5011b5ee61b12b5f8e8fbdef",
    "val_img_77.png": "b2dce84e0d8af1bbe47f827a4d26efbf14c30f3ff5925cdd352ef43e0d0a1ce7",
    "val_img_78.jpg": "595c78f27523f0f4f3c3508a68801481cb4eed5225768f20cf79332cfb15fa16",
    "val_img_79.png": "d0ab98bc91a2e104bed0f6024c114513ece389ceddbaea85c49b87cb0a57da0e",
    "val_img_80.png": "c9ef33f912bffb217ca252de793d54dcca8c0139355f6a86697362930952770b",
    "val_img_81.png": "c1c79c2e57d104b8f538b55c749432432f20ab95edea30318bbfdc1d711da8ff",
    "val_img_82.png": "2dedb57fb72a3e15b73c22be4022bf731cdb62a8acf77c3520771b8ddb911dfc",
    # Sixth batch (ids val6-*), written before the next round of tuning, over files of its own.
    "mvtnorm-mvt-rnews.pdf": "0caa34fb53315b2ddf143cd7c4f9dc13a167648963ca6f43bbba676e0033abc9",
    "vcd-residual-shadings.pdf": "936f618b11c4bb4948246079649df8a6786a9146721f70784e9b5c154fbd9051",
    "iperf3-manpage.txt": "3c1448cbf5b2af61b7690ab12542096f2e7d102d49dac2e7794cbf4f47e75102",
    "nodejs-intl.md": "d05f3bfc73d2fc631c595ad71b56eb9876dcc63c4f3bb570c757705721628eea",
    "val_img_83.png": "1f47c285fc1bf1d9386ed1e1dc2993d8360996f36d4b1f4a176b7c66b6a9f9bd",
    "val_img_84.png": "4c7607d1384acc140568907d869c89a52820ca5dd7e1a76bc14fd670cff60ba3",
    "val_img_85.png": "5144b70f2da91a7829e4a320d7f052c58c66488cde15203f14608782367bd2c3",
    "val_img_86.png": "402553133633146d50f0856c21816f84abff350c156a5036bddffbeb8c715047",
    "val_img_87.png": "dec94fe04a6e6e5894acb48ccb17901c7984277cb74ea7219df57d959a93058c",
    "val_img_88.png": "82c68dece8f7ab89dbf1da4395ba57d3ec0fd8985a642617d0da1c9e217701e2",
    "val_img_89.jpg": "08b3f7f41f98a50189563f8fe752450b64310ead5afc82770736703f1000ab97",
    "val_img_90.jpg": "fe842f5161dd96f86beabf8d55b8b45e63d0db4c0658744b99d43f703672f3b2",
    "val_img_91.jpg": "8a41e57f8dfab9abfa67f06647ac14605517ab3330c2f738840c1e530e797bd4",
    "val_img_92.png": "e971e7123484d3d6032e94fab193629c8322c8dd194c8f4c23f165339623c03e",
    "val_img_93.png": "76298facbdb99208e8845d5c41854b3e09b3bcb9d4227953ccc2a50e6450b027",
    "val_img_94.jpg": "7842ad398672c248693d8b673988b764456696697a3af8c9095f95434b32c28a",
    "val_img_95.png": "477e35821ff9cde08b46934e10b96d7d7f03606c973940bff28d7437372233e0",
    # Seventh batch (ids val7-*), written before the next round of tuning, over files of its own.
    "gower-intro.pdf": "44d08e861b4510bbe620b3a52b7bab8d6b0de79196516c3c69c5d57acbef00c1",
    "ape-moran-i.pdf": "7246f3c7266c0cd24110db511f5291d84bf5693919767032de3baaaf3975ebd6",
    "fd-manpage.txt": "351336ffe47a058c638abb2dba5154c83c1b04f11315837498d18abbf383d85c",
    "nss-mdns-README.md": "6fa4fdbbc8d45181df5670fb8c45629a3450a439d72377ecce4615d2c7fd06b0",
    "val_img_96.jpg": "8376c9c574a0b540fc313c410d7886263e04c7db524ed1f4d26382efc10eb696",
    "val_img_97.jpg": "e007b9a7901edef6ca884d7fd2c87339c7adcd0972f11b8628631cfab23ee4d8",
    "val_img_98.png": "dcb91e1d593207fcfaf22b0b5063d6226aa2e42d11209b1aa74d9ecfb6503698",
    "val_img_99.png": "cd17e24c216487e94ac3c0ea11ab24e747f2ff4060386dc26e8f9b97ca4764b1",
    "val_img_100.png": "de59263712b3877e45851e3df7ded754cfc0ed5500bc067c911fad78d168e561",
    "val_img_101.png": "a8b867834eb987d73aa3066a17c37ff7f96808f52300fdac6dae1e5332a49518",
    "val_img_102.jpg": "ad4db4210e260bdb0338755b003d6a84271b8913f224f1dcc65d96f597e71237",
    "val_img_103.png": "221d879c0aaf44d90ac2382b5c7389ee488fc5d0e7165eb910570d6418780269",
    "val_img_104.jpg": "b4f6a1454c247bdcfe947f3a6fb4c8b1d2f13085ba4b97538150cd6547d4e319",
    "val_img_105.jpg": "8c7d6ee2403e99b159fc00f6a44f2ee815a111516a05cf78078b84e4c0bf593e",
    "val_img_106.png": "4bfc51c27f4875cd641f625d8a781a0a15df43639fcabc8728f0d492864ca50c",
    "val_img_107.jpg": "8ed48e28897a20a4c19a0f342779ae16856d652f9d4e486248dfb82a2e681f52",
    "val_img_108.png": "bae9df2e893133c076e4a51b452532697b1e92560298ae1c03a8241a55fa162f",
    "val_img_109.png": "a5d3f30c65f1c3c455043d6f49644b615d863ba31bd5cad587cf8bbc7ff2a2c9",
    # Eighth batch (ids val8-*), written before the next round of tuning, over files of its own.
    "aer-vignette.pdf": "48a4f7677136ab66a07709d35929888e178e0c60b25543223ad6e3b19b72080a",
    "knitr-refcard.pdf": "3424b17f341f8cbeab8a0f12f9726c12ff0cb9f7e834aada63e7b6548f16bf0f",
    "survival-approximate.pdf": "ccddadd9b587b9fb4ab0ed17268090ab81a15f695ef4d3e83f865315747ad19c",
    "exa-manpage.txt": "1d3f4e4618737454c6f19e2014fd2672b90deec27ccb46e2308a5af093bcf718",
    "man-db-README.md": "35ed7e9acce58e626ae1174629361c1aee903e970a72e1a4690cd1a6a96d5e41",
    "knitr-download-count.csv": "aa6f9864185d41339c017b42138f9cee1c0e670cbf953ddbc74bce1088e7d03d",
    "val_img_110.png": "60acc5ee0d241e487e24ce02b5e75911905371b93a5f1da3344d8378c6da1e68",
    "val_img_111.png": "2b3fd57853ecbe2d2c1e757fedd0a3cac5dbef7da846adc0a535685f95fd2db2",
    "val_img_112.jpg": "0f244b0e98a82c9292a815d3fac458e7bc03f5358807a743ce5c38eec9dedde2",
    "val_img_113.png": "82878fce141d74fff8f65b705dc414076e253e7f17e8e50c4619e080b34ae298",
    "val_img_114.png": "ccdf0fdb0e9ed8cb30e4498d51c6b1d7d7c728f2053e52af971a56a497816424",
    "val_img_115.png": "58bc367bb1be38cbe0ff562e9f75f048b36a38551d2706e0ae9159d1e3daceb3",
    "val_img_116.png": "2a335510836ec555f689a84085b8cc690a4dc51aa4d2cc4b2994210489b9fcde",
    "val_img_117.jpg": "598a06c8663cef3c3d56c61bc1cce4fcd0602c856fa5e101714bd6a88e945602",
    "val_img_118.png": "5cd02f91070a845a3783c1899277a386707ce363310fc27b436ac4789056f7d3",
    "val_img_119.png": "c6a3ec0fdb5866de03fc0fb1d5d6033547c0832321aac14ddb21749d1776e13a",
    "val_img_120.png": "668326e05147f8ef4bd6a94afa19c7559de2d44ae96a6b8bf4047331dd1724d5",
    # Ninth batch (ids val9-*), written before the next round of tuning, over files of its own.
    "robustbase-psi-functions.pdf": "84493715e9fac03c0398754a5dfe1e1a7dc586c31d821ed0c64f4e5ae2d26c67",
    "jsonlite-opencpu.pdf": "20bd9bce32a4cb802e3478873bd88f8e4049d112e7bd1276803fbba88fe0255e",
    "rg-manpage.txt": "cb1d926b2bc549b8f59bd327cf56c8d40ecaef32a11e109b432fbe0d8806b3dd",
    "postgresql-common-README.md": "a04b941e9d58986fa29a5bda11a707466b5a7ecf692863999fc7c1c974479810",
    "readr-chickens.csv": "7fa023a1fc5eee4f360e0a9966d328770a9ab8b6db71ae40f4ada8cf6d2effe1",
    "val_img_121.png": "47f37530794a4df74b854f04dffccf47ef6aa069da3723ed1756fba473e03794",
    "val_img_122.png": "cc482844dbef8a8344cb08adbbb0947921012f6d9f8a124b48e56bcfb816d257",
    "val_img_123.png": "1c0fd9c3ee46b7d55e760281641550a0de42ee4e77d6a8ea4b7df0066211b12f",
    "val_img_124.png": "9f5a1046bfa80dbf97df1acb809a02efb6fc0b9513683cb294f45bdd38d7c582",
    "val_img_125.png": "310892ce52c6a973c1c6dcc6f359657b689181fe33be61858c6b5dc48f1967cf",
    "val_img_126.png": "c1bf9bda863e12a19ef540ea8987df12ec2a71fafaaff7535437845cd22fd031",
    "val_img_127.png": "b5f2383c65b7b71afeb265b7a3966ee262cb90aabbf609ac2b4c37b9734112f2",
    "val_img_128.png": "7a14c75e77f2e0e7fbc07de6720be07e82f16df1530ab06a112f182635fb7363",
    "val_img_129.jpg": "ef40ca2a94148ed80bef0ca26fffcc7fb2facf8ef0f2270d2009251ceb7029e1",
    "val_img_130.jpg": "1da244fc7793ebf4c06671c121e1e6ec2ef4dc998c1e423b0f06795f84413806",
    "val_img_131.png": "190e035d92569bb226cd40bcfda471f72325057ef602ab68744da0a09139ec56",
    # Tenth batch (ids val10-*), written before the next round of tuning, over files of its own.
    "squarem-acceleration.pdf": "3dca10d296b5d3b29149edf531ec87eb3916eef2bfab661952ddef63ba9063c2",
    "maptools-combining-spatial-data.pdf": "5998cdcb5d978432c2f845cd1b18af43de487c3c73a3018a66f94ff27114e989",
    "pv-manpage.txt": "24fa406522d054d935dd34029d6633fd1fcb0f0e9de46629eb7f76c2c8792427",
    "libjpeg-turbo-README.md": "db662a71c04f4d87904d3a165005ab3ad78db478b96938973fe158dadbd09d9b",
    "val_img_132.png": "750bdc076cf4aa4778e6b7a5c04c4917306305ba76151445a1a3c3a3779690db",
    "val_img_133.png": "ef6aa2669e48e7eee5cc8b45700fe8c72a5721b4e1227d150b7920860eaceb06",
    "val_img_134.png": "35eb5c60521f03e5be33e9df363002f0a7571f594b696ecb03f2ec655b6084a6",
    "val_img_135.png": "1c30c0bee6669a1ff6dd9778e5152d964070ed4d83dc72994ae58a4cb7206644",
    "val_img_136.png": "1bf402f87f6d146c236f60b3a2b0af4febfa808c5a79042934e7ffcb0a0a818a",
    "val_img_137.png": "dc2645e232edda2e1567e6529fc10c6679e2285a624127129e38b8b850aab129",
    "val_img_138.jpg": "412fe5ed0b5e1b9990cc3d714cb36eb271eda97aaeedd7a3bf75e6cbc489a2bb",
    "val_img_139.png": "c6b203c8b2a29a8856e162aebd9f555d4a00035046ec3e3ef5587115b142e4b3",
    "val_img_140.png": "cf39bbee095f0bfdf83ab6a14e5ab8ba4a2b34b70df73a1ae812d12531478369",
    "val_img_141.jpg": "b1076b5d4d320a98a77c9c55d533cb260a74a2c8f44c98bb5ab875071edce109",
    # Eleventh batch (ids val11-*), written before the next round of tuning, over files of its own.
    "xts-faq.pdf": "867d6ac99983f2b35663254d5c97c3315d951b44f3f8a4ad9641bee5015b9a24",
    "shape-graphical-shapes.pdf": "26d9d893e28e9ed08f1dd70592f9fb1301b53a4bb1960cb656d130da49f0fc29",
    "mosquitto-pub-manpage.txt": "0a4d851bed775202adf525dc071c840d757be68a3143ec26ab38c6c62c477747",
    "iso-codes-README.md": "93f2c0f866d630e46d3a472d847432ea319384d402cfab6cac8fa22ec0a349c4",
    "val_img_142.png": "a9c96c8d78f1414221e83202a9d36546ecbdda64bf883b4fa066f11b2dcefbce",
    "val_img_143.png": "c5957cc4370d1014458994b27b16f6c3dff54870bfa49f718567c2c959f61b1b",
    "val_img_144.png": "945fe960777256a8ca762e6682ee2aa64cc7a0e11be5e891df780058531e7b14",
    "val_img_145.png": "0062ebdcba96d8ad4aa0205bf77c74e650acf7eb0a183b828a73a3e5534255a6",
    "val_img_146.png": "12794d5f130e0d9de8a93578f1ab7dad0d6a312855436c1243f45d1e6d65f517",
    "val_img_147.png": "f1b5ec5cdd74f959416af5cf17068a6838993e8a1d5a90ccedd3f4db48b2c130",
    "val_img_148.png": "b9d82b63065e457d3bf23169658f8437a6f2a620b550a6e56c6908238af821cc",
    "val_img_149.jpg": "9a96221b90318841ea7aa9b7d15c95f05efb3201b5b303f69486a22a617e3e41",
    "val_img_150.png": "7ace74bb1f0e19400f74821f26f79989bc54b8857706bbb38c148b54d812bb91",
    "val_img_151.png": "99e9fea2ce61cb573560c76808eab31af990d8e9b36531e5e2870337d58f4ba6",
    # Twelfth batch (ids val12-*), written before the next round of tuning, over files of its own.
    "diptest-dip-distributions.pdf": "c0be2776c557c1eae223d5d24fdea30ad7c711783ec263af25284f9f94a9ca56",
    "expm-in-packages.pdf": "ab094f0e6f5cef88bf45acb8407e11b6924b035784935b976bb0994f6034a57d",
    "lz4-manpage.txt": "45bdcf3dbb334b0851d85450a9fd2c359120073aba967cfd241480341969b662",
    "xmltodict-README.md": "7ed6c32ffc28ae5e80e959727c4846afd5b857b6a149caf10a7a0c502f00290b",
    "val_img_152.png": "38c62baeaa10958cc138fcbfb3e6f6acc31d35bdfb9f1f9dd59b99cfdc0b5252",
    "val_img_153.png": "79875ed02d0fe12f7bfad23596767db9f1ada65a0db894cb5f1d65de004e021e",
    "val_img_155.jpg": "78ab6665a90d4d3589f05abc4e013ceb6e1f92d35271ffa7e657632f6c419ae9",
    "val_img_156.png": "b9495402d7cc9e661e39a62a47ef3ede530ee0f54013d162ef2ec6383c89cd11",
    "val_img_158.jpg": "968f239d3b3f1910efdbf44c71eb4b1900ea9d6c14c924946ccd209566ee619f",
    "val_img_159.jpg": "4fed08e5ae31e19e8ba07849c560eec52a7eb913d3e9128155a1bc97504b7e2f",
    "val_img_160.jpg": "d76f673b2813b835a6c354b3d99531a28ab0d0d188a2c89bb323daa1166c8481",
    "val_img_161.png": "63b46db22da24671ae5161e60eed13c0e301348106139f2406734a0446d9199d",
    "val_img_162.png": "24e9dddfeebb3aee132cafeffe30e5fccef9c74c6191330930ed0dcfa34e96d8",
    # Thirteenth batch (ids val13-*), written before the next round of tuning, over files of its own.
    "coin-conditional-inference.pdf": "04f1a9749b6731478ae66a257225bc7d2b1961b6233fe7af9df1a108e9e27cb9",
    "flexmix-resampling-diagnostics.pdf": "c63f37afdc705f11ab06495ba0f9bbadc41d804c4b95e252f4aa03d799926387",
    "qrencode-manpage.txt": "fff4a30793b003301530da4448375de9ec8b7a4e235b79ec5a7ffbc076d48654",
    "mosh-README.md": "19fbffda9223e54310611c3c16e51e6ce2bf1c588bb7496c5edb39a3ad5afe91",
    "val_img_163.jpg": "d219efcc4b5a2766a5d54844a14788a526636dcfa881395bd87c5320bf1376da",
    "val_img_164.png": "0823590a962392425d290e1249cee142302fbc8c206876660a94dcd6586ece36",
    "val_img_165.png": "69bbd7c2ed5323f2ea7eea578c2fa46b2029834ec23100951a58f92ddc6474d3",
    "val_img_166.jpg": "cb8beb55989b6092c4f04bd8fabefe3c89a2f22809cec1e21e11be43c260593a",
    "val_img_167.jpg": "fd33ff5cac3d61047a019b595d3a392b057fa0bdf5c08e2aea9bf5b921348cba",
    "val_img_168.png": "2ee8aba1fe8be81379e1ac18ed0138a9bb864a694bde37718c8dd66cf14ef19c",
    "val_img_169.png": "086e0efa5c13609342812abae21be770bd05cc33bd3296d7a8b93616d4ee412a",
    "val_img_170.jpg": "f45122a668fabedfdd11e46ee2e0a4d6b89e08fde92aa8bb45bce733e9183a8a",
    "val_img_171.jpg": "7d3d9d2ac96cf67d1b26f3eb407c88f246c98dcd16ee81172897aa4ce08d5267",
    "val_img_172.jpg": "94d8e9186bc606d902faf9f18d347c6410ccb571430fc6d4c9e94a0277c84fe7",
    # Fourteenth batch (ids val14-*), written before the next round of tuning, over files of its own.
    "bohr-atom-models.pdf": "2ec2ee129c3487ff0314bc60b7f2337880828d453cb89eb046d030cdb9a5d298",
    "oplotsymbl-plot-symbols.pdf": "0a361bb0a650454995d22c99e50c962a8de01b2b0daab6e3d543e0926f7e7e13",
    "ncdu-manpage.txt": "a24a4e0d33540c4e635f22b6014b5f7a4490ee52d6e47c21bab94d77b81056a7",
    "python-dotenv-README.md": "d1d313b7e601f9b89ab357f34a39b550834931fa491d9566c7a7187799a97b0f",
    "val_img_173.jpg": "4d8380ddf5678e89c368d190afaf87e422aba6aa73a062642adae735d73642be",
    "val_img_174.jpg": "b148af7f642d3fd17b4ef840a4199c3eda2b9cf4471ededc15268959fb8dcfb7",
    "val_img_175.jpg": "22148b4109e349bab423eba93c657f6f22d43aef648096f5a66b6c4d19456a01",
    "val_img_176.png": "b53390daba4c75caddfa143a980d6e09151dda75e6db922a418e79389a7afdb3",
    "val_img_177.jpg": "0bace03fc512e4c6e5c011fa441e0aa3e9e637a857aa44731dd58cd94f4ff9c8",
    "val_img_178.png": "c367614b6c211e172a411a9aa00d24bcbba2ff49a31474a76541999279551c49",
    "val_img_179.png": "386304f41166f6cd8c3f12547c05a25147e120c0d1c43df5b0ea9e1368afefe6",
    "val_img_180.png": "e27611b7d37c8336ddf5009d6bb6575a675409208040f23a3104c675d66d3ada",
    "val_img_181.jpg": "6d5f984a2e128c4eba5c1498ea328458f44488cfcdfbfb1c26f615f158ad865c",
    "val_img_182.jpg": "0e85ac3877615c8469232e6c1ceecdfc0f12b6266014154eab653468c3d97f58",
    # Fifteenth batch (ids val15-*), written before the next round of tuning, over files of its own.
    "magic-recreational-mathematics.pdf": "f5ebfbed243fa5edb843026235580706808ebff7775d56e1b1974fefe56d837b",
    "nimsticks-nim-games.pdf": "e2fd70176d72eb5efc9099c539ca0e332796db00cfbe70399627d7b874ea7ca1",
    "tree-manpage.txt": "8b9393a1cdb1186218bf673a9f48c4e002f0506d41fb3e2fcb2ccde2e8af0ba8",
    "python-tabulate-README.md": "0e15e60170620a9bcda8d0d56f1fe47b934ec685f155c87a9e699c64cfc0b8b0",
    "val_img_183.jpg": "998851c520f230bf18cc3e6559b546f226eef3d1e8615a6ca4d88a8a91274dde",
    "val_img_184.jpg": "407e659ada8ea5a357d337a3a226457fcb88429326604919a570a0b7bd239184",
    "val_img_185.png": "d9ed853899342a3843e99afc0de42d8af395b6663072b2d1951fa7dada390140",
    "val_img_186.png": "83e7bb07d419701ade631d90bf0b1000233f0015c313c8d1708e4dbad5cde0d5",
    "val_img_187.png": "b3dbee2be78ec42b93d05156920a077dcecb361e0d2641450f24788372e37ba4",
    "val_img_188.png": "21ea6cb7ce3e29bdd14a14905f5f9e40e8a094e9c0eeaa115a1dd001ee370aac",
    "val_img_189.png": "328c26dbdf69522a652e2725826e8fc9d6202d609d0404c03ac08be500d0608a",
    "val_img_190.png": "09d263f6303f5e4fd9475a67e73a870d298e54b61a307a11bf86ffd70aefab6a",
    "val_img_191.png": "4bd03e88fa8ceb8c40593a1b251fc14df04404bd39d59a744a23ca4d8e7b9cbf",
    "val_img_192.jpg": "27464fb93aeb0ed19c0e0dc42b7a41b25d12943fb5b14bd089015f9da4efc274",
    # Sixteenth batch (ids val16-*), written before the next round of tuning, over files of its own.
    "sparsem-sparse-matrices.pdf": "a7a886104dbc19cdd536b687c731160bbe308da934f20a1edf5dc9b2f953c069",
    "diadia-diabetes-diary.pdf": "1ae4030ac9c45b74c57cc6604c861848137da6feada2f173422ca108ab424b33",
    "age-manpage.txt": "fdf94456f21a43af07ff5e98e6bdee15567450ed9e03770e107909541bb01365",
    "python-humanize-README.md": "ac689fcb2fce689c48ae89fa509eade07a0e66c93c8e5b71dd668f33761908bc",
    "val_img_193.png": "0fef74319be476ecb7a3eae1bb94005a4bf60fb3961981bbd30172c4a34a0c8b",
    "val_img_194.png": "b86d192e7b4148fd9ebb35ecac0c67740e09e5f5b56e034d62f4b7f0d3a40a48",
    "val_img_195.jpg": "6038d9652b50eb3f423598f1dc543bdfebfbe5cbbf6bf6217290b6f81167f366",
    "val_img_196.png": "0c26146b90a03a1e9c7c73e59f4d703a7a60c11b7c54db16831e875fddd9f679",
    "val_img_197.jpg": "561328bbdb850d3e939d695201bc0bae11a44f1f5d72161f1dd76b97aa8c0c3e",
    "val_img_198.png": "6859adf81e4cc1bc7b19b5241a2412783091a7832d252ddb1baa8c83acb41eb1",
    "val_img_199.jpg": "05b6f9562722baba27d424f4e28fbc7f31bfd84ef949cf167d75584688da7bca",
    "val_img_200.jpg": "316a41620c678cb60222a8acc9b77b36e913f369f56d842aa259a5465e128887",
    "val_img_201.png": "2b4a258b31d3e38493fd38d11968536711104e020767d3d555ca596592dcc4d1",
    "val_img_202.png": "f3f5fff9d621493e60de63e8c271d087d2b118d257fc09d44d545fcde48dc1dc",
    # Seventeenth batch (ids val17-*), written before the next round of tuning, over files of its own.
    "xpiano-virtual-keyboards.pdf": "982362e7cb58332b049205817be727a562d2d0291e7c80c629ebb3471b8073f8",
    "chordbars-chord-grids.pdf": "f06447548ad8fb6d92ecdb81221e2e84a0caf047d417302b12feb4ffe186c507",
    "pwgen-manpage.txt": "f33b4fa73f9c1e39ba08d02ab7a7580587297b6999e7cc8547f65840070b92dc",
    "prettytable-README.md": "12b947ee5a2e2094f4908e47943037be699f829812a9e8bd5c235251be36bb37",
    "val_img_203.png": "8e41f505e1078c2ea99b899940cca7dcf4e1994bbd8a1a7272da5016d9a2cfe1",
    "val_img_204.png": "bc5dd201d0f50b18e560da1c88d8513fe9675584341052c6704c75804b7b77c5",
    "val_img_205.png": "59c91b3ff671e9f653287b8f5fb31abef5ad72d8858503b3a14099c8576fae37",
    "val_img_206.png": "9f841432245e126f17aabf69332e5a42fe54a457086759f2954b75baf3fbc10b",
    "val_img_207.jpg": "64f52411d5eeeafe4ba216531635bd8aa514ab3187f9c22772ceb76a6c0f49bd",
    "val_img_208.png": "346842cc58ab5e6594a8269780bebc346a9ebc37c5c2252dc1e4bc0388632796",
    "val_img_209.png": "73003492988bb0e4cee7c426fd2f00932dd7631e318b6ceaafe04e2e5da841c5",
    "val_img_210.jpg": "9011feaa59b825b376ebd5b0ebb31bd1bca1559c701a51178c5a6a2536ece389",
    "val_img_211.jpg": "af85e79b77b20bfc59bf4cc9fdfe5ea89d68f6cea86f52afc5fbca5c10efe663",
    "val_img_212.jpg": "3a8d36a41da8587c2318decbadba74da82c8f95f2b1b5a47bdbc8d11307ee4b9",
    # Eighteenth batch (ids val18-*), written before the next round of tuning, over files of its own.
    "pgf-pie-pie-charts.pdf": "f1381ba7de8afbffea1173382f61b9db6ac61e838c0b78b875b6b23fdbb01947",
    "tikz-planets-solar-system.pdf": "91c6a023ace8eaa446beb9f5dc996ce1e8afc28900edeb43e9701f3601869c0b",
    "htop-manpage.txt": "2e62e54af8fd973937e87f9a81225ceb644124053eb1142fbfbb8c6af1e0556c",
    "python-rich-README.md": "830cc3b97b13937fda913852d92dbc2007e2c278cc70602c84f3d8a5931828ef",
    "val_img_213.png": "a81d860065bad2b2b6cb305e535e85131cbaba5d10436e8cb654695fa12fdc47",
    "val_img_214.png": "b5538de427963c88667f72e093c8ea609abcad28b099df4be45ceb4dd4b18914",
    "val_img_215.jpg": "10425d193dbbe479284f1fbfe981e5792716a967c8351c308209c27ee9188acb",
    "val_img_216.png": "96fb5d696faf2c1423157d538e9b29800c22d1cec3d6be4e6684a8559aea37b3",
    "val_img_217.png": "dee13cbffdd11b9feeba732a73fceff7a5169cc14e91e911ad6e72469da060ff",
    "val_img_218.png": "873ec1ee4ba4914cf7e1e55d44acade95661f86f9a671ac77d9665b7381e1272",
    "val_img_219.png": "e136cae22515f6889019805a5d35036d98bcde536e4b3d997cec7c01057f51ea",
    "val_img_220.jpg": "0212575d1cfb7ba2d5ba672a42a80199d33f00cce10436c88a71321dc6f202b1",
    "val_img_221.jpg": "4d6c97f19755fcd0d6de0fa310b530f91415036a9dc62615eb23d54b1a51c03c",
    "val_img_222.jpg": "310d6e2b1d8981835b5ca443d62fe821bc3c749b51c719f5e6f5afa1315f5c73",
    # Nineteenth batch (ids val19-*), written before the next round of tuning, over files of its own.
    "rcpp-extending-r-intro.pdf": "9f391d7ad2446bf813e22d7e6e976be6a529e9ee920a287153af15b1e025f1e9",
    "threeddice-dice-pictures.pdf": "9bd3e578d44e935a85ba046267cd12db6abe4abaf6ac6ada7ee5fd7f66e6bc3d",
    "optipng-manpage.txt": "14b3f1e16500cef1dce719282784cb1ec83ebe5d14eb3c42a5c8dc08ecf31731",
    "python-ujson-README.md": "f9ce03b76d1510cce879f21605769c70cef27852bf79aa33e5f45251643737c1",
    "val_img_223.png": "6d0f7a32e6d06e4ea17300b70ea1a42783c9a80a864faec0670d01c0794aacfe",
    "val_img_224.png": "a5c691203d57f304c70e18aef588803058c7a6c0b8a0935b4f426ecfe469b5b2",
    "val_img_225.png": "6e5846f8c4ca80cd31b38b0b674004e7fc19e6286549f7f2d5c81d8301dc4c35",
    "val_img_226.png": "84e74111d613a950608389c81fa30e0f4d5a39b07ad8ce173f9a5ca957579a70",
    "val_img_227.png": "7f51ab6bff629e1c90aeadd93bf0c4d046851f0573980d1091fb57d3da148733",
    "val_img_228.png": "9bc5eaaccc3b4cb55c061147609a9bdce6ab4ec2890ab295f1f36459b2a0956b",
    "val_img_229.png": "d1764c98ab2202ae2f942a5262d81445837e2ad8449191d4f08133b7f530364f",
    "val_img_230.png": "b427d59df1fdb21043bda52f8af2fc25d7f8b75b22c4b8b1fb8892b127251799",
    "val_img_231.png": "b7400809f1522290e496a897056e887b42db77fdbbad543409aa14b28372b906",
    "val_img_232.png": "fd735ff5f2dcb0fa6fa5855af1d06d590106e3270205287cfe054abd40300515",
    # Twentieth batch (ids val20-*), written before the next round of tuning, over files of its own.
    "kissplice-user-guide.pdf": "8ec7e3ca0c66e8ee6cf60091f58c9ca5ee31f8757c61ffd77fae0a5db776c3cf",
    "annapurna-sil-font-features.pdf": "d1f5848bd76e4db6186fd03ef222c09ea61107fdf20d422ac5d926c4b471747e",
    "crontab-manpage.txt": "8b91c88e6b9709011a27a0b5531223b94a9aa0b971688e689b187281698b6935",
    "node-debug-README.md": "27542cdec68da894345048dd553144e12764fb1f1c33e602bec276d7a50c56a3",
    "val_img_233.png": "c3d1cc714e759050206d43d59808f45c730ce23903a420e0563026b8638f64fa",
    "val_img_234.png": "c86dd61d17c03180d350a3fb1b0e126121433dc88b2f3e5c548a75bc0185c9e5",
    "val_img_235.jpg": "78adbaf8b52e3c138a677942f6fc1d0e8714a13d241759e9ffc1b6bb1574f041",
    "val_img_236.png": "fd8edc9b76f9eb2ada785977507c12424e9c4ab92f96ac7773e19cb7cb678b22",
    "val_img_237.png": "d01d1f63ec953242e0d96cc325ad86434b228d1f0cf877eb5ee98d56e891c492",
    "val_img_238.png": "37ec20a26990e142a1adf26f569f8aa6938c06deb33298e02f89d23cff9437b1",
    "val_img_239.png": "dbe6b4410be5e63a68a8e9846504247c1af66d48a05dabf8275353884eda6b3d",
    "val_img_240.jpg": "7c39de53c9cdeef9fced1da058c03ce19c708e4ee3854bb23d2924616168d334",
    "val_img_241.png": "fbb4ae507248925ccc57fcb2e50ace1d80f9ab147a3fbd77ee81ea8838f74493",
    "val_img_242.jpg": "b5105cf313d469c997eb8407c7de1877cc01dc74895c3c5943d88f3c780dad0a",
    # Twenty-first batch (ids val21-*), written before the next round of tuning, over files of its own.
    "groff-mom-producing-pdfs.pdf": "a2df7a188ca99aac93b4b910ea253a348a4b3aebdd2f7b1e0f582953cd14ad77",
    "vegan-variation-partitioning.pdf": "ce46f8cff19fe1c7e6614f6e4ae746e4229d9c67e18073134c1b55014e2e463c",
    "shellcheck-manpage.txt": "431ff5e3ccb0ffce793793a3b33c934c779bbac8a2629d6c6e0bdd40f127c9c2",
    "go-tablewriter-README.md": "8b488eda35229e2220d50053111df8701e6958b5e4820ba1fb0dca3998300a14",
    "val_img_243.png": "cfcdae38dfcf4a5033a31eb5c9fb7b383407b442f7703abc47d36038e0b6f76d",
    "val_img_244.jpg": "b1ea1f8ad7a81acfa831c81dd94c0e64a81969be001443434b1a72779fdfffc1",
    "val_img_245.png": "be0f61d92b0b17d3cae366a348db38812dc802d1bf1321609c4d6c0db17e00fa",
    "val_img_246.jpg": "9570100b7a1ea8fbcde314ab006b7edd6ac373b9208d828a7aefbdab434e88eb",
    "val_img_247.jpg": "054e00152e27d3ceb1d9c45c4498c118dd6c8deac81dc97ade81816bc8720590",
    "val_img_248.png": "188baa3bfe0e46a397be16227d227e43ddf006019251eeb4f371e007875e6eca",
    "val_img_249.png": "a2735d349b78bd5819d7fa38f5d9c46fbac2eeacb57c90f8bd5aad651cfca77f",
    "val_img_250.png": "df6312d70c0eec8175637aef129734b8981494cd4f437c3147ddec72d8c3f927",
    "val_img_251.jpg": "a9a50ec4bba741f0f79527ed6a0582da16c20822f945b1eb6ff8aac7c38b55eb",
    "val_img_252.jpg": "e701a133285e77f1289a0d7fc79287ea74917105b6fb7a062f584de04236ac04",
    # Twenty-second batch (ids val22-*), written before the next round of tuning, over files of its own.
    "ks-kernel-density-bivariate.pdf": "202382f3d00583ed50fd213a0568245524c5ee5522c24bc2b88a84de42257755",
    "pari-gp-refcard.pdf": "b65dfacf2317b8022f9c650bfe19c5095547dc525d85304b8f310bdc86ed3404",
    "tesseract-manpage.txt": "5e6a976e46b8bc1ba37002f2109079f395a2565888b0b2579acebaca5c079190",
    "node-uuid-README.txt": "287a3f283159bffdfcb39ef8f32d85586b5fd8f2bccf962422eb6598cff22557",
    "val_img_253.png": "0697303cae552477bd2923c47752360c912f399364aed17853548d28185fef99",
    "val_img_254.png": "66795485d2cc0be1a3128a6c568719076e6cb52cef4f2750619e2612b2040f1d",
    "val_img_255.png": "3c53b21c4d04b5f27b737234241b4abd5f655a2b9f69dd54fb7cd035cea610a8",
    "val_img_256.png": "afb62c41c866b84d9eff734408d8bc4230bf48dbb179e26b2664a774b27418d1",
    "val_img_257.png": "bfd84aeef2efd6dad0e9e844013e205119177524716ba3d703628d5198828967",
    "val_img_258.png": "38bcd51a8bc9adafe98764f45443520e556a2dec094e02f1b80e182a71ea584b",
    "val_img_259.png": "883be91391cfaa0390cbb625f14c09ff3b5dbc984f24ca1b370e0fd8e3d1100e",
    "val_img_260.jpg": "f8e33638ea9828674caf9a3ab550cfa803b57b8dd67d501c364d48a55fef7d3b",
    "val_img_261.png": "82f24c5fddfe262baf85b5834e2dfcfdbb9343a4e8f8ba23be5cc7b2e8344791",
    "val_img_262.png": "815b88646286ac85145ef70b879ee85f36a284a45c3b2eeeab7f2651b05cee76",
    # Twenty-third batch (ids val23-*), written before the next round of tuning, over files of its own.
    "scatterplot3d-multivariate-data.pdf": "0861ed71c9654b41f9af15b60dc35230d5a017dda2ec6481e82535103ab0701a",
    "euro-currency-conversion.pdf": "6ea502a278147127e4907fe9ddf1c12db0df16d6b2fc8eaca005ce786a3e0cc7",
    "jq-manpage.txt": "9d1efed73f33ede7cfd0d7db3b62c8d42b1370a615ce80c11d42ef5b29422649",
    "rust-hashbrown-README.md": "a536b3bb3f3521e59836080f05a4783150fa8484f759a31468ce3b6dba1f33eb",
    "val_img_263.png": "28f487ce973f7cdbe8d3ec2acb7d63c6e85dfa59e12e9584809a5a251fb4612a",
    "val_img_264.png": "d00bfada3f5ab264fd5da2b02872582f8cff75b7484cae4b6182b8ed65f4dc98",
    "val_img_265.png": "ee4c238b62e1265016e6c1a7b1a319e92da5897c56ac5551f7dd79757fb6c3ef",
    "val_img_266.png": "4015bc3c5e3e6fc5ef8a3c44da4b165b1320ac71a64c3b7fce95a17a56634f47",
    "val_img_267.png": "df9b4d1f9b7d627f7018ce57de4900e97117ce130edb0e73bde8c1b94df97513",
    "val_img_268.jpg": "58a690af6d96b65c5da2da0fee468cd308e744bb6ad1831338e73761a7580004",
    "val_img_269.jpg": "be8bed647c4a2b032f4a80366a10d1612a6a00f85c8b5e17ac9076cc64976750",
    "val_img_270.jpg": "21dba5cbec5695d80c89f8b74b31c5eb5c504c00201fa8634dc344dbaafc4382",
    "val_img_271.jpg": "4f38f6ee4a49d14389658da5bfbd5feb7642c2d49426c855c016b022388301c6",
    "val_img_272.png": "0edf4bd0e4b42a9556b3cdeb6fb87be1a9c1596ea4c904e41b78af41b04dbf55",
    # Twenty-fourth batch (ids val24-*), written before the next round of tuning, over files of its own.
    "ngspice-user-manual.pdf": "2ee5877a1e02f436126e41b62a2028d880a275eb759de914579e137c5304c095",
    "pscl-count-regression.pdf": "30cea1e53ab685ab548ea2d62e7e4499d01cdd9e30a379ef4eba5459957b559a",
    "fzf-manpage.txt": "5065ee8fc12672e72532552e58f07ce8eecab5988fb1b733884ebcbb6c3757dd",
    "rust-image-README.md": "458c6ce0229d2b79ec7d56b3ce952caff031f549a8dfa96611a66bb80448246d",
    "val_img_273.jpg": "0c4be4bb11dc0e4e7d09e168b76bd5886feb6ecb453d94f699084a9cf41d30b9",
    "val_img_274.png": "870a08cfd603c0525c7f105095e06b709617fced92676d23b4a8d2abec418c03",
    "val_img_275.jpg": "3c32f5aad8a8ca3f948a4b786e59d2c76f397765cc9549df0287481b23922aca",
    "val_img_276.jpg": "83cde98132c749881943a6327fe23e915f238ab388e0beb0a5b51eca36413569",
    "val_img_277.png": "9513b928e2e953c9a8b5c69e41c234bc341f68355a6323ee4e09d7ffa7dfdde2",
    "val_img_278.png": "43d1ddb167f08eb8c362ef5c75febfeb9e7ac334bfae30195759909f0debdf13",
    "val_img_279.jpg": "39f5ba98261ea72260096fe257b08e57c68bf41cf1f4a029e36487b9ab053682",
    "val_img_280.png": "4266759d307e146e49baf897630ab409499f69d60b0cca5fe233d37737e85144",
    "val_img_281.png": "63899e7f458f37fd306a7759558136dc940763b8b91d3902aeb1ab05674e832f",
    "val_img_282.png": "d90f5de62a2380fc3f83ae98646861b82a188d14f473223c02a9e2f17b49c712",
    # Twenty-fifth batch (ids val25-*), written before the next round of tuning, over files of its own.
    "psych-data-description.pdf": "155f915c546f4711b033dd2fecaac0d96a002c901d9da0d513dd7a0c7b4fe2ed",
    "xcolor-color-extensions.pdf": "bed92d667a57b5f2c33d8cee025c394403300dd66db532b92c6c42837f8757b8",
    "datamash-manpage.txt": "b17891babf94efb9659732569784e9f8685eba1c4894363c7a97ab87b21ae3c4",
    "rust-ryu-README.md": "66e8c5353ae528e44f178e783586720b152d023b632b0d9f1fed6d7d1453bad8",
    "val_img_283.png": "83ab4fd8af74f4d0cf1d3c218046f5fe99fb75d5d029e226361db3048f80ea13",
    "val_img_284.png": "0b188815ee2523da28f7f22193ef71d65618c8bbfb5ec856bc8daca29682b5f0",
    "val_img_285.jpg": "1865976a00c42096611882d9b016559e8d5a63ad5bcbbdef579c1b951a1fa94d",
    "val_img_286.png": "32fde39ea46fbd297e77ec58226fefe1edf3795d2137aaab0da85e7f4e2221a4",
    "val_img_287.png": "3839d8d90b0e2beefeb40a0f752e124d1cecafe13831c5186afc2e71aae1ab90",
    "val_img_288.jpg": "241ddd159f6649cf25660eef5f4ffff1d680e6648871ff064052c88523a6f3e0",
    "val_img_289.png": "bd2930b19435eb656bcbb8882ce302d1b3f973fcd94815e0093689ac45a79210",
    "val_img_290.png": "bc80fbcf95021f44dd95f35f77eade9dca19265e28e1d2edcd5b56e6b9458363",
    "val_img_291.png": "f70ef66d0f4a885fb10d5415d73c7320d6d4aff78158c1e86f4da3b716f6ca12",
    "val_img_292.png": "5059dfcf54c825b7a81234562f89c842aac9a1467e43e478ec1d45c912a594a6",
    # Twenty-sixth batch (ids val26-*), written before the next round of tuning, over files of its own.
    "fitdistrplus-fitting-distributions.pdf": "fd84e70c25bfb5744d3052e2ef67ead6b6992a454ee308ac0ee19bab52371883",
    "lme4-mixed-models.pdf": "f686aa3f1d97280c54b9ea3c0c507c63ca917aeafb627cf9054087ab2feb3235",
    "fping-manpage.txt": "f30ef5839fb4bfac05c19bc1880ee8d01069c19303bfa6f7379eea0f1dbd8b6c",
    "rust-bstr-README.md": "2edf49d9a95fae4fcf1ec37c25c56e1493928daafeb83dc90e486c925d5ae74d",
    "val_img_293.png": "94df38267efc318295779fcb00a5e914763d99623a893d09ec457d458ffcd449",
    "val_img_294.png": "1da921bc686c565eff34d138bf22cd107fe8c456b712ddf6253abf24846d67e6",
    "val_img_295.png": "e6b04eadf79a9a8b8cdeecde9af9d6d03d7b37b3fcbe693597ae97adf9faacb6",
    "val_img_296.png": "6624e3eb02c27d87969ed20965ec2796198bd103770c7c6f710f81d684f080fa",
    "val_img_297.png": "5ab4e26d6b688a0d5cd2bb359ce651a349155aa24fdd426b8c0cd78147b446a5",
    "val_img_298.png": "ce908a8dbd494b3f88afde9e91f13589f58f5ab8bf9a40ee5d79e8374074beab",
    "val_img_299.png": "9213ee9754c4f015a6296eb4256f03764a3cc49bbebc0663e0f4259da80dafa1",
    "val_img_300.png": "2fdc0612dcfa433f64b46ff3b5013008604431b2c986da827c5642ce90ab765e",
    "val_img_301.png": "57b51295e33a0a4f85bfd9f90ef62cdfdd00a71b9cc798b17e95cbff78b7dfd4",
    "val_img_302.png": "8de8aa00f5bf9be058dcffaf0818bdcdfe8fcb8ef4531ee095f678d75b1466c2",
    # Twenty-seventh batch (ids val27-*), written before the next round of tuning, over files of its own.
    "desolve-differential-equations.pdf": "32ba65b9f7a268503bb5fba9ca6e87ddc03c7ef706ffe2dfb90ab8ecdc179171",
    "forecast-automatic-forecasting.pdf": "a41ad5f118d9f52a0948ef7dd3a210fd47f80622d0eccc659e38273ed722ea5e",
    "jpegoptim-manpage.txt": "ad2168bb0a1741959a51fe6d89731437eeffbd8aad951351d7ebab0d15ae2c2f",
    "node-semver-README.md": "2e55f457015dc49d4bc3574b3883ed9699f096cb0352d4f5c56f29d9cc4b27c3",
    "val_img_303.jpg": "18dff58c8f269c3266d5b45b8cd066a491130d200a715012f41c66c9c60c32fd",
    "val_img_304.png": "2b6a832a5583a5da14b2ad9112562cb7cf690da20c103e73d60d676c48f7b665",
    "val_img_305.jpg": "5ce5ee2c23ad0803c391c5de7277b1a88f840e1acadbb676a2b3f1f7bbc69e9a",
    "val_img_306.jpg": "e042f6093bffe3b4269bd3daa97d997fdbf09006762f143d41b9b154f2c5e6c4",
    "val_img_307.png": "1364c8ff4878d29f1368528075c14b2951cb8b024a7203c2ff0499ecd512d116",
    "val_img_308.jpg": "ed69d88f799af14e3e04404ed9bd529126b6a2fcab37aa15dff5a4e1ffc80217",
    "val_img_309.png": "db44865a122bcaa56fe660f96da6dc568c8a5ae9f877a69d24616a8278b2a878",
    "val_img_310.jpg": "055d22b378d1703f6f0fb80bb1e01f5be9d3542571f926801d7781841767d3be",
    "val_img_311.png": "3d73e3843243f0e4a0cb2f5bf3645d007f94d16e70e6d10ec4389942852f48d9",
    "val_img_312.png": "60128ce8f3b2e78d0130ec70717a99f846406d3622b3bb9bf85ddeaf8b43ba0f",
    # Twenty-eighth batch (ids val28-*), written before the next round of tuning, over files of its own.
    "seriation-linear-ordering.pdf": "717f9ee3a038d2836c701967df8af27e8236b6074a2d04a693e12e68a102d5c5",
    "gri-science-graphs.pdf": "5249f524e9a25372fda44260237b805fcc7f8917a32c43780369c788bb3c9e49",
    "mtr-manpage.txt": "dddf544cad33c80a3ccacf511820affab257272f2f9928c61e04902a02c788f1",
    "node-js-yaml-README.md": "b5f32b37635c46e4203fa7e031bb002ef1f434c6873a4abdac24ee9b070b3ac7",
    "val_img_313.png": "b99ae15588397e4741564d7144e01cef280db75c62f6ac07df81042997e8aacb",
    "val_img_314.png": "2299566cb503de59f1f2acbe31e79490045939bcc9e8c38a42bba5163c9566cd",
    "val_img_315.png": "b21ad40e0ac42164ea50001df6ad94aa9e741b12a974c7a92c316476f23e57f7",
    "val_img_316.png": "45f3088c7c8d3bd40ccb3d2ce1448cd2aec72c458cd34f24ac5cc37671bc9b96",
    "val_img_317.jpg": "a998508f89a13110343c07dcc987a9e31caae03d018ad4531e6b4c38a78d90b5",
    "val_img_318.png": "ce95bf60d750506d41ccad7e859875ea68306a019e6d55a86586546a447c253c",
    "val_img_319.jpg": "2897692e5876d0ac7b82b7e2a5e2bc0d4060bc125af227702d6e09fc63edc84b",
    "val_img_320.png": "59acff93807a9d6d15ef5409ebb8fb623a15a32d7ebcf164672eee910aa39576",
    "val_img_321.png": "759095a1ce8ed175c93ab8bc6116c642d5c8dbafe81d589b2e3fb66fd83c5281",
    "val_img_322.jpg": "c2f3efabe09c5384179360db0c50f96f97a5f4a60401ace170ee7d433f799a4d",
    # Twenty-ninth batch (ids val29-*), written before the next round of tuning, over files of its own.
    "xfig-user-manual.pdf": "902310c5a89f4b27abf6b98ee0c73ffd005a4792b9b97b11d9215707460de378",
    "sp-map-overlay-aggregation.pdf": "a5c98404e1854043f6b7a18922c5157c5d8520f9814418f618c734ddcca7e047",
    "opusenc-manpage.txt": "7c5be082933510d2dc29756e9f1907e44412828a0719c455239de6e172488950",
    "pngquant-README.md": "4baebddc42d2243f1144cfb71f7cd167801a6fba52f627fbf6204758d37ac8a0",
    "val_img_323.jpg": "86ebe51210209b595058e5a3e475f6291f262cabfaea1df4514fa2c1f08678eb",
    "val_img_324.jpg": "cfd9d308730b06c19280ab6081891e503e2c09f75a6a9173af5dc6e3e1623955",
    "val_img_325.jpg": "12d80cd8e6a47a66ceb1ddde7446058e12ae7c789af6a6cc5d025c7cb71ded9a",
    "val_img_326.jpg": "ee6c3972b8dad9670c665e3250f81c3c274c4b966bbca3b9365fd6ef85ac6b5f",
    "val_img_327.png": "c0f7536a5eae97a29f94f849220a656c2e1ecdcb214251f1fcbd6b8e4f2486ed",
    "val_img_328.png": "a27779aaff1f87b3691f9934faa3c9659ad77c8d072fa07cb9b45214035d6eb4",
    "val_img_329.jpg": "040a9f6b597ba21159a6b3bd75f2ba9a3f1a8eb2a0bf34e9446587f013923359",
    "val_img_330.jpg": "7790cb0d244413a99b04e6be5902df38f12eb8a80102496a76c001d7bf31a2df",
    "val_img_331.png": "4eaf378ae8fa5a39c7381aa66691bbb99920ce5679439a8660e6cc87ff8d60a4",
    "val_img_332.png": "e42f7c6cbe73584edfac85181ffec61dbf1d402ce4cf507a3ed709b39bdb2568",
    # Thirtieth batch (ids val30-*), written before the next round of tuning, over files of its own.
    "ordinal-cumulative-link-models.pdf": "67c747749f87f59fdda7c2b268ba0082629b9fef61ae9b6190d30ccaef296baf",
    "dblatex-user-manual.pdf": "cfc5cd90218354dbedc91d2b6dd6e5e80bcbf45c01ef3171d2659072fccc2598",
    "cwebp-manpage.txt": "f9a03e495875ed79e6ab6e8aadf4b13cae0cf23f3709783abcfbef636d944f90",
    "gifsicle-README.md": "8b04484ef7ac9a456ffbe3f26df4b9d07c96b03481a0f20f589635e16a4f3973",
    "val_img_333.png": "a4f012352fff5593b1c96b17768454e9af038e11c1107047e80c5bb7902187a4",
    "val_img_334.png": "6ea69654bb7b0c6cf7b44f307ad415f8ce2a642d238981a114e4496f85dd2bc9",
    "val_img_335.jpg": "3c41eede5a1c4e582e905e7defb3ad81eacff89beb58e3b06a306284319fdd7a",
    "val_img_336.png": "14e264bb25c87fb91e84f00bd5f1482289c9c86d666a4683526491128a121929",
    "val_img_337.png": "f6351cd70e98743e8a44156946155bc164df2aae38a4d1959b7f10653fc4121d",
    "val_img_338.png": "e832a08f0badf027308700e7322180c7ba2f74faef3e2875ac5dcdf7548e7ce5",
    "val_img_339.jpg": "9ab1a47f7bb44fb4c3a87c6af4afffef83241354a9ac9a2a6545e7ed9212c1c9",
    "val_img_340.jpg": "c7610a4d64b84c889be08ee7f89644d01426b958384feab49ddeb6ac1a405cdf",
    "val_img_341.png": "4185184ce1f1ae995aa93f7f4498a7342e9d7f3aaff84d87bb0cebcf5ebe4e48",
    "val_img_342.png": "f2743f3ac702dca3b9e9e1fb2cd7008022ebb6ff7e97a36bc606302bb5edf531",
    # Thirty-first batch (ids val31-*), written before the next round of tuning, over files of its own.
    "kernlab-kernel-methods.pdf": "741a41b87510935fef9947275a54bd3eeef287ae5cf25a51e08a736872f07214",
    "gnuplot-manual.pdf": "5ad87a8619cbc139768899b79d790192f5e55dc8916a293038cd0f617574be3d",
    "flac-manpage.txt": "c9dbbb7c331cb88ffeaabccf529213342994c47ca05cb47c39c1ed4e737e561d",
    "node-minimist-README.md": "b026e66ec91e1810c1629053b99820cfa67e55b7f3780cb0863e6b7661966de0",
    "val_img_343.png": "e1559ad6d055beacacd697cab659b016c40f965d2773342e4a85ff62aa76ce32",
    "val_img_344.png": "40259fec4321fdda594df92f167a3a8523d14b4cd0f7e0d648ac50e5a9a440cc",
    "val_img_345.png": "d2ef7a1afa01eecd4b0e95ae919f6d97aa289efea97ef91e212ef74ba8e8e6af",
    "val_img_346.png": "cfea511ab3a6b6ac38e9beb35082345f6a120dfcef88840a1310bd912cad5439",
    "val_img_347.png": "a848d80d03c07c30db65039ab180b1eade768b5d9b68bfaa095448ad99c34d9c",
    "val_img_348.jpg": "bcea1151e3e59d10d68737f410ddba79b17a0bd4c1c5805974bde3f72599ccb2",
    "val_img_349.png": "5b802e070d2001e9d118761b1402be9c90585bf3a4b6ec7c766e817de60dda6f",
    "val_img_350.png": "69f1300ea3b9401f9049545555c1ef991e9a27dcc05f769320ccd1207fc6ac05",
    "val_img_351.png": "63e0927edda64578b0702ac11cda08d336bdaf828386557be94eb80c07b172cf",
    "val_img_352.jpg": "eed0747c2dc10fca2f95dd7d59ce732638a11094f077da722d9e492a3d94ae77",
    # Thirty-second batch (ids val32-*), written before the next round of tuning, over files of its own.
    "gstat-meuse-tutorial.pdf": "832459698b2ee36286c2900a424d72fc93c8e777c37adc8bff09e26cbd5045fd",
    "party-recursive-partytioning.pdf": "7c57afe09c37fb8d9bf4d54d3bb61f7800db07da4d497aa8e259ee9bb35fb18f",
    "rsync-manpage.txt": "f522a5e239d194e97ae6fcac55d8325034b8565d5af083f12e9c7c4b3693238d",
    "node-lru-cache-README.md": "350adee5b7c42bd677f5daa93de4ce061ac64919b4e5b93d00854c6a017e39ca",
    "val_img_353.png": "9460c7b84fa4d31d214ec5b4ea15096e1973f8855b0f55e5d5c319a1692fa86f",
    "val_img_354.png": "b4672b1a93143dacb7a9ccdcc4f053a59beb1ddb7bfb516f527b660f36a3cf31",
    "val_img_355.png": "ab61eace10bb9e7584511ac52695b061ffedb1fff521091d8f1189b46df4c079",
    "val_img_356.png": "816a063ee433f4338af1ed513518522d01be4c4b51443ce26cb8ae6ceb8b8592",
    "val_img_357.png": "df60053b220d19beb63775c7538ae449205d96e71446dfa8640cdbd3134df531",
    "val_img_358.jpg": "0044113e9b9552cbb7fb7ef3a8826e634009f59d7d886c7dd76575b886ed0a37",
    "val_img_359.png": "a7a5c0678b92962d74a85c89a3609f4233bcd7d5c3743b2893657a5766bb08ba",
    "val_img_360.png": "f28dc5fced3fddebbbf0b313905349f4f0b3801d02c64dee76ebb7e7ea896ba3",
    "val_img_361.png": "c4612a1746237146840929b7c25f674aff18bd9eca28d1760a5086e9dca5c346",
    "val_img_362.png": "a9327ef2a26dd584624cba4c3abba687474d885ac1f3b31699303afb73032ea9",
    # Thirty-third batch (ids val33-*), written before the next round of tuning, over files of its own.
    "glmnet-introduction.pdf": "b78af3c6c0d8b7f426a64d6e6e12e891a1648bfe1d17cd31a7569a5b3336e0af",
    "lilypond-engraving-essay.pdf": "fd93d7a2798822bdd96b94b4e4bde393b1ac99c8a5e3eb185b5121f78836ffa2",
    "tmux-manpage.txt": "8fb943efe5725eb72a746b7eb6651e284aa39e17460e0c29c4390e71ee3fa50d",
    "btop-README.md": "ba324be7e71a0fd05b4a97e7b2951b685576b7588681e92cf9097e0ff86cd14f",
    "val_img_363.png": "84dc23dd4bf330eb70c597fa60f37704f0a2f6feac9f9eda2b9dc61b70e1f08c",
    "val_img_364.png": "bcb4c20c1a9bc5f131dcd01a0e2b05636eba0601751f2de3ad3d7ed08f06e522",
    "val_img_365.png": "cad20f2a55567edd3ed5bb4da0faf6ae726d751fbc253f8259f74a8ecef4f3ed",
    "val_img_366.png": "f5278ecda6c24f237b971df4e28b645996204bb5cdb21a580387c41e53aafafd",
    "val_img_367.png": "f350f506c27ece09a0e3b224c602e4bae825a3eb9f43ea42ab239ac2ffde4300",
    "val_img_368.png": "ba5d30a9c60ef64d29a1b83d6d1635ba90586992a79f9a1bbbc7f0d563c6320b",
    "val_img_369.png": "8e1e13e475701a896acb766e415c8c55d56ff4dc662f2dcc9b36d779d198f5e1",
    "val_img_370.png": "9344a239ae9c2f625a94f6ec63db18b363ff9a3b9e9a1ee70384d72b603ee74c",
    "val_img_371.png": "b6170f9b9647ec027a9f03eb4d37fda474f3ce79c28936905a5a7fb2f33fd275",
    "val_img_372.png": "de60bb465088fe3f149404e973d1eee4ef9735b28842db589fead80b334886de",
    # Thirty-fourth batch (ids val34-*), written before the next round of tuning, over files of its own.
    "apcluster-affinity-propagation.pdf": "31681ccc1957267f889ea9c97f0aea204fbc1f2024250db48c136e9a67f39fd6",
    "gle-graphics-user-manual.pdf": "8c243499b3c98a3c727c7a3d43cf0f65f6561041423a03e566897310f607dab3",
    "bc-manpage.txt": "2341510b38ec8a7cf83e1af57db13250a79f874a08eafdc72766a67f64cec9f1",
    "cava-README.md": "b6fe7a4c8611b93c8b85755e8c959adcfb0ee62b21c570d7fc87b29f79d5317b",
    "val_img_373.png": "481e31d0a0401c37a0a8c89ba789255ea5e795d7cabc61386065494e77a8889e",
    "val_img_374.png": "482ab795e084a7d99da94ff17194bf406a3007ebbd570390eafafea25890482c",
    "val_img_375.png": "2fd89844f069661f1d37375552bad98826436199335ec780dcc10da61dc3c818",
    "val_img_376.png": "41ef154eb58edf17742a7408f170177c376edf3c89452667f429964f7db25ddd",
    "val_img_377.png": "b6491d27122692ef84feb0bca4cc6c18c4d7fb27b33220355722e542c39e4057",
    "val_img_378.png": "eb55ab12d81e643c1ca8c4637ad789510e8ec7f0016b73d75c3aa18b702ede7f",
    "val_img_379.png": "aae4705ec426bfcc3e4f7cebc424b98c734b69c447b5bf3bc7f32328f80d7abb",
    "val_img_380.png": "b667a22161b9f335ae7d3e7c37bcb2d252280922a4c212a6cf845840e7b37353",
    "val_img_381.png": "917e78be3cb89ee76b9bc0151f73b64ffa4f3a88315feb3fd72656b505c647dc",
    "val_img_382.png": "910f74c3a117c475540efa3a3ce8f472e52421be5a3d188d3a69d004fd86fee6",
    # Thirty-fifth batch (ids val35-*), written before the next round of tuning, over files of its own.
    "effects-predictor-effects-gallery.pdf": "e7494a90151145917a5b96f53160f4e71c16d7004d49faa6e5d22a6061252e47",
    "gnubg-backgammon-manual.pdf": "fc0a6f4bd54faec3deb2c80ca9df024e8d37bc95366809459e950937742d1938",
    "sox-manpage.txt": "d1b32092d1f014331852ccce53fed98f3faba42780fbb2fee7a3d6e8b00cbca0",
    "s-tui-README.md": "1e395384c9b13b1ed0814d358b3efd2cb715041a2026c5a2c9479a4845414c03",
    "val_img_383.png": "abb0fe49b9bef834725c8602f458b2c9c3818009e220dc451bc7b3c8edc0ce23",
    "val_img_384.png": "b7c042f36972b14956d4860131f1a4868dba3f7eb239abc6d779992f2df11e03",
    "val_img_385.png": "73c652895deb35fc15a00b736af305969f6ae8a72f99ed9ce836607e50ccaf56",
    "val_img_386.png": "02910a7d9df7dd50d511705d8bbd6605995ac1c7d589d0781f82239fbcb8b586",
    "val_img_387.png": "af47afb0b445dadf533dec2ab9152de00738b91e7c406526544e99b907f83be9",
    "val_img_388.jpg": "8a054f4f5cbd9cedaa4f7c2bb8a747bdd2b4b28aae8c02a7dbb8bb2739373ec8",
    "val_img_389.jpg": "1a95e455553b646f7645ce1e42a06a77d4def9878dcd2f0c6b6cdcfe58bc8c84",
    "val_img_390.png": "32129164f8cebbcfe71e834b322a822bea02be9c4acf695b76636682ba17355e",
    "val_img_391.png": "bf7708bf7a697341fbecfa4e49c41c48723c16537317d7b2d874e225fb769f88",
    "val_img_392.png": "fbc8c92caeff5e7ea6079f550a546688a2a9fb686608b1cf88139af89d164e8e",
    # Thirty-sixth batch (ids val36-*), written before the next round of tuning, over files of its own.
    "gnm-generalized-nonlinear-models.pdf": "ce1f71b237b09f7d7a7c590eaf8f166483d8aa7a872ef700acd746f100cf6b8e",
    "ddd-debugging-manual.pdf": "d06130010df1c6bc6e4e2d8333b6401a113beaffca0512496f47704bfef40989",
    "units-manpage.txt": "02956f72311927dc21b7901e74b2a17e01640513b79b4b7cba5b401e96f6d0a2",
    "aria2-README.txt": "0da21e1cfa7b535b08af7148cb78bdfbeb05a564715474683d0df45b1791c534",
    "val_img_393.jpg": "7610980163ea3357e1b7d3e5f1d77853b77c635d3c2bf42af9bc7b127b8b5c2e",
    "val_img_394.jpg": "008db50ce49674f9ecf70d45202010d3c291b1f8f50a171370f486dbe770a4c1",
    "val_img_395.png": "c97b04daeba2291a956fb8cdf2386dd0ac67ce3ad8abc4536a797fab75a50145",
    "val_img_396.jpg": "0021caf3bfbfd146cb459331657276b4639595e38ce978039a3b0cf9501100ff",
    "val_img_397.png": "2c86c46f04e84324b52e1c648ba82cde668935d824a9be237c02ca65cba58445",
    "val_img_398.jpg": "c88a839c7619af83a81e0fbb9a45bb425afcef505b813d970467dc7cabf91deb",
    "val_img_399.png": "b4c64f8c1b9429d300789ca66691d2a3b76b2c0b65e1387ba0ccf531f071452b",
    "val_img_400.png": "e316aebb1217d1c0059c2692594a71d4427219d3ce24fb2d808e779b40790f53",
    "val_img_401.png": "a04decb3c03e2d57d7f43ad96613616a523a3f1a7a6ddd8a1ec3c8cd1f8a2a19",
    "val_img_402.png": "c0982f3b3d4ffc42173bd33709a741031080bf7709f48e3356b18cfc68a7646b",
    # Thirty-seventh batch (ids val37-*), written before the next round of tuning, over files of its own.
    "geosphere-spherical-trigonometry.pdf": "2980e549ac69f5bece351603e6ac31bb7e41fff2aa90eabea1174e6dd5c6b704",
    "jags-user-manual.pdf": "e8581ac7a852a8db29e011e6526146abb6fbd02a0b82591952e8c2eb6914ef3e",
    "wget-manpage.txt": "f5bd85dabc161cc0db9ab4d3d739abc84b0b26209be1541df4f27e592b0fbf9b",
    "ranger-README.md": "ab0edf25810c03077c5a2eb979a79341db6372d2e5d955f39d0b66f43a20e8b0",
    "val_img_403.png": "0dcb2270dc8b1df895219a5954b330af85ff258c2f5cbd681edafea3eeedddf4",
    "val_img_404.png": "542291e77dd3f9424e7d54897e9da35489109ccec60b97635441a5feb362fa05",
    "val_img_405.png": "21dd349c3a8d73ca1d2f59ee5006b9c3b1c64384262bf58d735545b4240c3eb6",
    "val_img_406.jpg": "801654c3c414f207e62f2cfd2ebd37cf5c9eb68b4611a4152d1a178a2160b716",
    "val_img_407.png": "6bd4ffe65c054e93087a37684da7bd826c1ac15f839eb541e4454335b0054f7b",
    "val_img_408.png": "fd81e13f96b0e2bf88fedffe6b32ac32df661d4c35950a558b6187c1de5a9729",
    "val_img_409.jpg": "f84cb53fc2e9c24e1344158e49907ab00134f56a3a35ebf3f92fc1babe98b616",
    "val_img_410.png": "870c0688ee918b1da5ede6ab2aa6b6d6b8f12ee31d1b02466a1db003a89e67e5",
    "val_img_411.png": "59fc4ae666d2acdf4baa518ed5a6460e2520610640aab5d5c76c4afbc6a7ff97",
    "val_img_412.png": "701ef1731e07978ceac05bc2e242005a2ccc96d4eeb71a915bb10e77ac470847",
    # Thirty-eighth batch (ids val38-*), written before the next round of tuning, over files of its own.
    "yosys-manual.pdf": "2e41fbfced49e79d2933f800293e1c6b32552dafc7588191fb6b2b4780eee180",
    "gbm-generalized-boosted-models.pdf": "2dba0e79c29868e497ef9c36e244db75f08d1fb548ea9a205165e7266cd7715a",
    "socat-manpage.txt": "d1a8f8ae89bd6961ddc9d858fb3727501426f920e8c29fc00c3febdc775074b4",
    "glances-README.txt": "a03b18b0993008e358d200d0ea4605dcb4c479b54af848b1c854eb1d6242f619",
    "val_img_413.png": "1386c6df32fa1256a4c1345b7712902fba16b8498c029e7ed81de05200d6668f",
    "val_img_414.png": "32b7859d8eb93390a0a325195a07ae033fed746709587d669b44c37ce514dd98",
    "val_img_415.jpg": "5e94ad5e1c4556a95dc64e89ff3325e367a6ae11300d6121f6afff83751082aa",
    "val_img_416.png": "352a4134e6522d1de7abd789b6e4a6679d2bb4fc69df9bf8c6f43e7de4e2e62b",
    "val_img_417.png": "cc4842cfa9a64f743f69359dc49375a721d6441f3931e65a2b3d8194b014d069",
    "val_img_418.jpg": "cc73f27db9ae4ed45a96e232147bcb14fdfc8ea7261aada9fd9340afed5c8a9a",
    "val_img_419.png": "9cb1b155165bd29ccfec478565946bf07618bb01d8788add0eaec1c94319a32f",
    "val_img_420.png": "e400f5eecc5c923fa81000c0e1a3cb31a03d21a202fd74e31bd23324068eb04a",
    "val_img_421.png": "e713e1c85bdfd9c041c6ab6edb164884a76bc96d6599bc82f802eb695c308e48",
    "val_img_422.jpg": "78045058a57f114ae0e400f33afe084ee54d70bc4fba9b28ffb772a6d87e46a4",
    # Thirty-ninth batch (ids val39-*), written before the next round of tuning, over files of its own.
    "mixtools-finite-mixture-models.pdf": "5f4382ea68dd0a2dca62bda060dd54a287278ee592ff3fe7f53d27fca1457b76",
    "why3-user-manual.pdf": "201b0316dbea5848a4daff62746ba9927b489406d5a9cd66be8247afbad706b2",
    "dig-manpage.txt": "5f380ca4e391b9ca3429e54cddbb902d10271e593583dc1c1bc98f1a04b6ad7d",
    "node-commander-README.md": "0eb8893feead28cf088f91806359adaad79ad968194bd5ae0a6a8573de075629",
    "val_img_423.png": "9383fbbeaddfc17fb59f34304811ac2b168302006911670369a1d2c6acafe495",
    "val_img_424.png": "5cb67128e9cdba41e2c5bf2f1bc927df8048bcc6780ea678f742a5f8558706d1",
    "val_img_425.jpg": "83fdc256aa47ccdfd4ddc08b9bd793dd920b6e98fbbcd129c29ff27e0298a45f",
    "val_img_426.jpg": "283c3cef32e2d3bb9709ce570dbfc9bd5d7b8f7f1c60604d7ccea260aca63032",
    "val_img_427.png": "29c66f22c7e4121bc07489c296988f50dc8da1461dee0ec3498cc8f4bfa51068",
    "val_img_428.png": "373b9a2e4fa9629c345958fe525d0c6b18c60acd7faba3435b5c24dd70f34d1c",
    "val_img_429.png": "b134ba077d01759fb0c7e8297f4ecd2c697c8108549255d0360996db7cb24dc8",
    "val_img_430.png": "b5e6350183cd52235cf3c8d7776049d1ce59303141d1f6e7cb0e2489d58b2db1",
    "val_img_431.png": "c1301d1790faf81d7b37631386b7044adffbd02e318777ea7f51aef19c81fdb6",
    "val_img_432.png": "ccf6f48499933d9b4701c0f6ca5fe8ec60f23df7eb39ca36a76e8e9e40a4d6db",
    # Fortieth batch (ids val40-*), written before the next round of tuning, over files of its own.
    "bbmle-maximum-likelihood.pdf": "c1c75bdb521514ec5a3d7ddff2df3ee3a96db8dbb9a4bae40d5a33a6b814a1a0",
    "erm-extended-rasch-modeling.pdf": "d00b129c0a48a18b1a0233301a5894dd852fcc809ec888f231294a2665c10f25",
    "sqlite3-manpage.txt": "15d802af8c79b73d0cd984b953db4ed2f4ee6e660dd7411a0352130eaedcf242",
    "node-chalk-README.md": "6786ead4bbaa069df98a9dce0334180b46afe783620e01ba4760a779487e4aa0",
    "val_img_433.png": "ab33e8d0708434e3688cd5ddc650394a36bf74d0d5f59e3e1a3e759a9e7d8079",
    "val_img_434.png": "2d2ea7192f3af0ba283757ba7e86548083195f0c9fa5cce13d96813279ac22ce",
    "val_img_435.png": "d0f672d542453812095d444815ac69cf3cabe045077874fdf2baf440de9d46f0",
    "val_img_436.png": "14ae0c4af58a7268d7821da78af58bad659a238ef98f1e644274748dc423c182",
    "val_img_437.jpg": "5d2a42272e05aa851b640eacf98ecbab33e7535a084f60bfffbb234184102bf7",
    "val_img_438.png": "7165fc1f14ad3ab22e78834fa4dd0e5d1a72519d3bc35c97d30e178f61b4c086",
    "val_img_439.jpg": "07ed53ddc5508db6326fbfc89174b00dc10fdaa7ae30026411119de557e63b58",
    "val_img_440.png": "5035f61cc96950f58d5ff6857fc894fae8471c0c71aece7880694ea08247687f",
    "val_img_441.jpg": "e96fa1ea786754437df5eb4bdc459722772ce551eb3a192d6f473a353e1e633a",
    "val_img_442.png": "3c84f2db3ae393dcf3fdf68233a50da6d303b5d63870cc5fa7ce37963c733603",
    # Forty-first batch (ids val41-*), written before the next round of tuning, over files of its own.
    "actuar-risk-ruin-theory.pdf": "81f97d1eb0ac163a800650d45cdd17b46ca959dfa09a7a884b1c430c3e5e40dc",
    "survey-domain-estimation.pdf": "8f4bd013bed5390ea63b35925b9fca6adde65ed2f37c43333190d12f68456064",
    "dos2unix-manpage.txt": "610a2ac96ce494cfb575bfc75894d2c4a1b663fc45535909ce1b50eb28f4eb4b",
    "node-glob-README.md": "9edcb98721213c0293ac216337f3f97745add296879d9fd571152ec601f45b9e",
    "val_img_443.png": "e153fa82015743ff42e4f33755c604ec934a5b438a79add51ad8fc4bf3d0ca94",
    "val_img_444.png": "7add08c72329b3ed3668625f7580ceb030d1ff1eaad7caa302871f0cbd054e96",
    "val_img_445.png": "a62b2bc6837b47e7cde81239c346cb3fba9e301d313790aa5f7cbb686c0a34c0",
    "val_img_446.png": "460ead2068e71d414e727e4b945814daa20be25f093ebeb3f4d9e0bc4a311141",
    "val_img_447.png": "97059bbea6daff55554bece878e0a991c3c68f52a8c070e81a65e87e19d6d40e",
    "val_img_448.png": "65f8678dcf358769662bf5616f10106e827c4105d363ea9d2fee9088425cf7ff",
    "val_img_449.png": "d86749a82d91563a4c817109487e3fbc6003a1d3d2604432ebb032322e3e6d32",
    "val_img_450.png": "847d38ebdd3269c1ca421dd356b289d5a9b3e02511da1683cd31f4caf6e4211f",
    "val_img_451.png": "c5f9cf4c72ad896678046930a2cc6cd82f858824a019fd3464cf402416e3f718",
    "val_img_452.png": "913d6033a60ca8e6e9d22d1292c462bb514e37d3fe06ff8357db0e518323eeec",
    # Forty-second batch (ids val42-*), written before the next round of tuning, over files of its own.
    "latexdiff-manual.pdf": "186a4fe699a4b347f7cc34a35a11e7495d575b7dcb21871a3eca11ad0d522144",
    "vowel-package-manual.pdf": "205cc801c7e0f8b1381ce01469eeba1ecbf9aa4c3c9f3f05bc0a8a7fbf176066",
    "openscad-manpage.txt": "1913c300cbd630b10c8f12bf3935ecdb314ae5088a69472ad12cd8479c839765",
    "openscad-README.md": "a74c6bd3141b0beba7d3a62d923feedd8e2dcf20fadb22ac518c9bd6cfe3d1f7",
    "val_img_453.png": "9963f65ece2151792149865a6848652448caab6186d1c475237a0ae4f0393393",
    "val_img_454.jpg": "857320e6be3b7027dd428fc239664838a6a06e973f00074bc25fe3099038434d",
    "val_img_455.jpg": "c19aa06b26ac659d65ec2662c43c3a5d345951da731e5e52589d2ffc9ea74eda",
    "val_img_456.png": "c2c211c130a055273aa52dffb475c09bf6ed8a08f88bafe30be53dd3ed9020e9",
    "val_img_457.png": "659ce4e16d4d049b819f0b2c9237af35dee75da4e0c98eec948fdb1eb1fc4c4a",
    "val_img_458.png": "7deb319c76da70a1280f175685ceef2dbf20d688e03367830c4c032c172c0993",
    "val_img_459.png": "bbb7c4d2f82f76daecd5b2ecba0b70e9f033e87f212a6a021453f0f33d488cc7",
    "val_img_460.jpg": "f89c68f396736df164c807c252feafa69a0a2a46655ec39d0ab32c319dcbb704",
    "val_img_461.jpg": "a6eac645417a1ae07ee788d544e42a0faefc22dd1ec17142584134ccbb82a8a7",
    "val_img_462.jpg": "fa76011c9f96361ade79aef238b0ecdda3f474dbf13f4856a9204b9943ae2801",
    # Forty-third batch (ids val43-*), written before the next round of tuning, over files of its own.
    "andika-design.pdf": "0391279517093991b872da65badc0e2b9faba9b3d1191da36608c5d81ae7f31a",
    "feynmf-README.txt": "ed76a59718b9e6822f9691e61ef55163d98858a90a12e9fcd6c5945e65bb3051",
    "feynmf-manual.pdf": "fbd096d1a6adb862b5c4b2d9456f539bcf3d9d3e4c8fc869cde68f8aaa872aca",
    "nnn-manpage.txt": "b8adca958b108cf814aa8115cc1652d707d899b5dc0abbe8442ebe8e0480b78a",
    "val_img_463.jpg": "856857faf77d49c797022d9eacb3d6825efe9d0189f9ea5576954835620ed3d2",
    "val_img_464.png": "792c42b8af40e86c1f8fd2d66847992fb85342240ecc0dfab8fe687805b5ca43",
    "val_img_465.png": "dde08632496f38d403aa10f0c1fd22a41294f270243a00141d27df715a6421df",
    "val_img_466.png": "5d7aa2f1bf0138fa53930086b97065a1e61ecc5ba6822552393d718b56f3737a",
    "val_img_467.png": "1514134d331e917e58fe5ad0ebdadcb123e60f052fb601883eeaa695641b5c91",
    "val_img_468.png": "ce8a8c87a7d5e1aef0ab3382fc17524ef948f717bee43bd3dcec2a74469435d6",
    "val_img_469.png": "3a4224138ede7e1b8bcc5e18d1bfdfc962b4091e97a9c238aa36defba670747a",
    "val_img_470.png": "99d90f82a12c27614c0f4d8278eb62129f24d09805787ad877fd4112759bf6fb",
    "val_img_471.png": "87a54ee33b3412e93a32b55861ebbc722fe80777c71d93c189fc0e79bb206d7f",
    "val_img_472.png": "293a92b71caffc1a9274ee83336c0f949db9e61117c07fe499832d85a8a3793f",
    # Forty-fourth batch (ids val44-*), written before the next round of tuning, over files of its own.
    "calcurse-manpage.txt": "e2b1e9c2ff9bafd9ca52d8af41a0ff5d04b3f3dc242176acc451a5e94dca2b43",
    "charis-README.txt": "cca79b76639778a751173cb2aa686043aacc82fcdb1753c6b3ca6b09bf298c87",
    "charis-faq.pdf": "a2415cfb4b5f31cd112fe9b4035fe53a08ab1917699e63d97d00ce2d66e77846",
    "charis-features.pdf": "61131fccaeea7025a88e1e977cfa0624093e258cede18c9800175b36d645f8f4",
    "val_img_473.png": "8606cbc6210943a3cd62ecd022a78dde16459eab699e897cdd9d1d4c40527a43",
    "val_img_474.png": "af23a54cf49fea99f9749a05e17eac9683317d8a01390b9f9e3f8cf583750281",
    "val_img_475.png": "5884d877e832def722e764ba1794e7242b29e29a8937c7e1288171ab50783e16",
    "val_img_476.png": "b94e978e7bdde2a1cba554506e76dbb892bceb9672b9795a3fcebc5ff9cda994",
    "val_img_477.png": "7be53de6dd7c964c7766b035cf8d1c3b4f57ee0266762781189aea390bb98f6a",
    "val_img_478.png": "926cdbb0ba133bc62a1bf695d991fcd343ecd80095c333da3555dbd61f635dd5",
    "val_img_479.png": "187fa9689135a61b8ef585da6c2562397862874214e1ed75290e276ed8fd7cfe",
    "val_img_480.png": "6ead10530577c7f096378aba46363346be92f60ee9e3201541ec7482a7f8b804",
    "val_img_481.png": "5743ee796495dd4bdcab12da0d8951c553fbd1174275e6f605952cf31d2b16ad",
    "val_img_482.png": "c95d49b1da2bc334d3e13abb5bb3975ae63b8d5ddf30bd2774b5de3a650b10c7",
    # Forty-fifth batch (ids val45-*), written before the next round of tuning, over files of its own.
    "doulos-faq.pdf": "587458abef54d985b12564bbc2d7b7f308fd3a5b15f17c7b6222653c29429da4",
    "kmousetool-README.txt": "2398cb1e2cd4d66ba38ae67f0ae51d38a2c93f086f25a454a97bac47522d179c",
    "scheherazade-README.txt": "befa4dcfa68356c0afb9b8e001762a0a3fdd518894a93469945a85eb689872fc",
    "scheherazade-features.pdf": "5a6a238fccac086f1187280fb7724b39dc4fd68c49bcd7e28a8c455c13bdba67",
    "val_img_483.png": "d860d05111409655964576d40657dc56fcd8457c16b85e9b0a62788c8a5a5561",
    "val_img_484.png": "acfae18be1d0aff259b6b005922f51a087ae16b48c615ee819f30dad8f415280",
    "val_img_485.png": "bd34602e54b293b77ac1632c54e27dda2e303b23ee61a5685692f7f56a313631",
    "val_img_486.png": "3c5acc3bfcd13e1c9872c0d1b9286dc28655224c4e07ea9f5de08a8d9902779a",
    "val_img_487.png": "e6d56e97eadf9d6df28e430d01057df148783c438d60ee9856ef6e2410d5a6d1",
    "val_img_488.png": "a708b1bb24b23838c001eaff7900bfcbb84134930669c0dd35c509d14660152f",
    "val_img_489.png": "1a17caddf4f7a1c2fc77b53ffb815e53a486b875e80f2840cc5b063efda4820e",
    "val_img_490.png": "4818431b7714625d558c93042a024689965d56430eb24181f5fc486729276183",
    "val_img_491.png": "217069f8fe061399fd0084ab0a1869dbc7abf5e8591b9acf6a21fb87b6765dfe",
    "val_img_492.png": "cdbe14a4d292497de1a1ce8bd02669f20b898876b817c5d5f00342023f79d720",
    # Forty-sixth batch (ids val46-*), written before the next round of tuning, over files of its own.
    "entr-README.md": "c8a8c14824f11000c07959057ec84e836f78becf2671d76d1659768162996e1d",
    "mcmc-demo.pdf": "1746dc1aafbbf93e873b468f7bf71eb0d74c3c6dc50c23d7595e38f72004c889",
    "pdfgrep-README.md": "efccfb277350ab81eede9cbb0a3c12358449d4fafbbb7cfa94d1a62ecf316466",
    "pdfgrep-manpage.txt": "5f9ecbc7428cf624abc5d37a854eb6dc7c3c072e5bb4f4b728867573476db218",
    "val_img_493.png": "ba13a2fc94eda2192f55f47da35d677b69ac9e98ed601086ae6084dd18a484f8",
    "val_img_494.png": "ec02d62d1df6005f89e0c8a08fc07e38fd6c2b15d24654cebe03c8ba48a49790",
    "val_img_495.png": "e36d95144631f2f7ebb049e81ca375cd353d6ac0121304ad8e996bbe83be06fb",
    "val_img_496.png": "21bf4d40adcd8986742746854a8e4eb3ce58fb6296fbf0f317cc7cf702f5a3ce",
    "val_img_497.png": "87e495e0c9c05aed3a668756692d329603361d8a038372c1a725ca334f66f5fb",
    "val_img_498.png": "c2ab5bf177319fad4ab2d523888dedcf96213f74ea77551f95b2272b6f9821c8",
    "val_img_499.png": "72f70f9724f6d3d0de21e9dd803390e19201033ce6946943b60648df6d9b121a",
    "val_img_500.png": "dc32bd272d1d7bba11c921807deb6970862441037da1d54951b3c2fddf4017b8",
    "val_img_501.png": "57a69876535608dc75ae015035576e8461e82161e7dcdf4032a5372e8d5c0aa4",
    "val_img_502.png": "66512f73ed95accdd962b153751e4b4abb4ebca6530411ea11898e9e139cfb97",
    # Forty-seventh batch (ids val47-*), written before the next round of tuning, over files of its own.
    "figlet-README.txt": "b29218e11fec12c1e75746092f2f04ef9c71bfd532aa3c9c35a8b9dd792007d7",
    "moreutils-README.txt": "ff322a9fc2b76f613de1351379b9f9f3d0d680ad4aa348ea0e386de7f1bfe7e1",
    "spam-vignette.pdf": "23895e576c46c7cdbd1713966b96e0621fe30e82f5d42d14551b3b1f13592d8f",
    "ts-manpage.txt": "2583d68dbab58219ccaaf4e9e7c1b84254e764bfc6d8f134a796a25e1778fc7a",
    "val_img_503.png": "407618b5f8a0e3ac747d3671572c34f0dd66c581e3cf7a3908ee5becd8a36125",
    "val_img_504.jpg": "cd46eb8b01b8e090e6bd86319a4bd75f09b900f496ee833928b931d3137a8f5c",
    "val_img_505.png": "f6c39230f68946546f6c5b1022849780f5621e16a095cb714d1fa76a71cca31f",
    "val_img_506.png": "ed4fc55b50582cda15aa865045a57e398051440839abd8abc2ad381ca09cb4f5",
    "val_img_507.png": "6a144b04f5b351dfb0dfab1e071421d65bca14948f98d69a12e95636fa79aead",
    "val_img_508.png": "d6ac5b4fc658f0959486c27f52ae7471891302569b27133092a9f2768e5580ea",
    "val_img_509.png": "2499775aa803304256c59a3eeec9d0885aeed1bbdc421fcb9f1a1527195fb615",
    "val_img_510.jpg": "c8ce9510134a73f73ffd9c37994c96c472b0d9b33482aaffe763b95efeef63e5",
    "val_img_511.png": "b698fc8ebc453aafbd1183b3689ce338246a90809bb63e319a1ec04fdb787f32",
    "val_img_512.png": "edb6bbbbbe412d98e1f6000b0b88c5957d2d3cbe24adff7454cd4f69fe281108",
    # Forty-eighth batch (ids val48-*), written before the next round of tuning, over files of its own.
    "jdupes-README.md": "e0ba801004127b37aabefae52797c45f3f861d458f08ecaa3c9b42210482341d",
    "jdupes-manpage.txt": "9b32fd864e9ec12044569430ad67c612aaf9a90cab7e747f99fe99dc8ad22ced",
    "maxlik-intro.pdf": "047df1a2e444590c400f0f2baccc58b921281978c9a8596bd86bf7b7ca1915f9",
    "val_img_513.png": "78e248ca6cb752da5be95e76287d2212a2459c4385a713099951c91a51a8b05d",
    "val_img_514.jpg": "a2f040962a19d4ebe688b9dc181db22e75e219df0cf645f966ab13147eaef771",
    "val_img_515.png": "823bdc5b4844c00dd4a90158578e18899fc89827ad15df04f3b63ee16f6a86af",
    "val_img_516.png": "31e5250b0bfc981e989ab5a2c78ddf5a46a28606d1f12922492220f6e129b207",
    "val_img_517.jpg": "891965b0a4777704c8b93d6020b8e562411502f97c0be0e97c1bd6f4886f5858",
    "val_img_518.png": "4277ef3d05892b58bbad457c56a3ab2ab2bb05d4e459cc5d45dd769f7674b6a0",
    "val_img_519.png": "f0348616048a275d3037aca84a552531166bbd23acc48dce097b0af858cd7be7",
    "val_img_520.jpg": "0d017453adc205e84b8ce1d3e0a05270aa0897d168d1e7bfef4112881b5803b8",
    "val_img_521.png": "11f13aa8efdedc5f0bd6c084cfd4bc01d524719874fdee32f80d2ec4b2aff898",
    "val_img_522.jpg": "9a266998a3b2a8738df0315e6d5cffa03762792253daa54cc3bd3463a4bd2924",
    "val_img_523.png": "7eeaa0c4845d9f54bcde92b79a5e4937e86201db82b78f2559d42d996ef9a91d",
    # Forty-ninth batch (ids val49-*), written before the next round of tuning, over files of its own.
    "jo-manpage.txt": "286922e077dc0e80b153f7254c49c2c33a62a8b80c012554f107d2a304c845da",
    "pwr-NEWS.txt": "59aed4ce0772ea0811191e8df798b83ee3caecd8894b44383c43bb07deb68ebe",
    "tsp-intro.pdf": "0bdedeca0aea5f58c68b9b55d1f97d9c69e5a930e807e6b0e540329bf4ae5c1a",
    "val_img_524.png": "ab91b43624c8b2227e4148ee7907626db8fbefe8b3bbf945959c1368d79ed33d",
    "val_img_525.png": "950f87d13205ffcb55383c527903e9c0d0fef6a2228e11631c58f7848335c268",
    "val_img_526.png": "4d8ecbcb6152e48ce735c99acc521933c78346839b716dce2e9c809564122e34",
    "val_img_527.png": "3710bef6a51137ff072b0ea6008f74d1b65538fa5326a44fa55d1f7cd64ce2dc",
    "val_img_528.png": "7d41055fada52442eaea094d5b8c9e89425433d5fd9a3aa213d939396d362e16",
    "val_img_529.png": "c6f03d7ade47ba14a4a6ae13e01a7da4d6344edc6ca72f5121180a74eca3af1a",
    "val_img_530.png": "b8354dd34922477bee283336a95590b968a7e673fce257100245976f03b4f232",
    "val_img_531.png": "0b0e3d7a15db2561a1c8dbf0c751b9ef5e90f37bd1a7ae362d919c83d8342ccb",
    "val_img_532.png": "0b36649a23f2c46adec8e476d8aa1a9b2c0a43a92cf088e045ed8a5e33236bf1",
    "val_img_533.png": "8c79f8ae5b55b77f1dc8e38744eca7a9acf89e5f55fcff50349c5990d5361949",
    "val_img_534.png": "5aa400f7a4f2cc250e62d417dd05e65fba2c53f610b24ca21ba8cacaec4a7ca8",
    # Fiftieth batch (ids val50-*), written before the next round of tuning, over files of its own.
    "hexyl-manpage.txt": "53835adb080474c8a3b19db1764221914275c7c2103077c3e33ceb0a5dcdcabf",
    "msm-NEWS.txt": "c08b2c72f07b9f703f38f64fbb521c4db5e01e0dd7d4e791126ee108696c2daf",
    "msm-manual.pdf": "99638df5bcfcebfa1a4d9b7bb0e89633bab267106e8fa1b81b8b867378c89ef3",
    "val_img_535.png": "69ca2637c6b4a23918af168eabb1041dbfc8a643a1291a08b178ae24439ffdb5",
    "val_img_536.png": "71c267f4b2cc2ae86e055f97b1c065b688d1a0be0c4cb0031d36c967cedf11b1",
    "val_img_537.png": "cf8affde17662be3fcc8922156b3cf2d51ced9b1c6f386ec27a043da65efc901",
    "val_img_538.png": "d696304178e9fbd9e103c7442af4f307762bbb8f219dced38aa3b66f3337e92d",
    "val_img_539.png": "d1268622ef5ae21341dc29b8cb9fe10673f9f75f303c4ed0ce0ac4f53131bdfe",
    "val_img_540.png": "0ef53da6dfb443f8a0c2272ce5b91538db265b7e388d26a87bf8edc440bd2e7e",
    "val_img_541.png": "0218d4b8b604e9609c3f13737123563bfe8fbbbed19c9c2d8c3279fc1969566e",
    "val_img_542.png": "de21b289e813e553b93c4121262483fcbfede171825f9dc01c82cd804d1b124c",
    "val_img_543.png": "6e9baab471b39e32a5692e670625b34ca97b8059ad9df15c6d3fa0f86b98d1c3",
    "val_img_544.png": "49b2248e26f8f6382689d733269a644edbe1e331e7aab9ffbe86cf91ce368ea7",
    "val_img_545.png": "c9ad873a4063256f77733f95f5b499b10382586fb92ce0e182c0ff0f52865000",
    # Fifty-first batch (ids val51-*), written before the next round of tuning, over files of its own.
    "duf-manpage.txt": "d3d19616ccff9e2a62a5a53abd0f6586c86a95ab1289fb47e2ca2cd225a5f686",
    "mnp-changelog.txt": "76b1490dca76ef6f207acde48d4959bf0144ec743b1ca6392a7067226fc7f421",
    "mnp-vignette.pdf": "978118f8edbc3438b7546994dcdbea7a29fe4ead9859ac66cbcd633b171b4028",
    "val_img_546.png": "963317f5eb01f8e11aa2f0440e1c64dd0a296d79fedbd66d67b233bad2698b66",
    "val_img_548.png": "1d16984cb70e657df3543da855b0b0f1330656151564c2fd6c36bdcc5bdc2e95",
    "val_img_549.png": "34f03104b6dd82383d4772b68d47575311c62e54733397ea75693248c72d2e65",
    "val_img_550.png": "36e58a08354185edc0d08629b0a9420fed5ee5c8b602a8b85d8811d89020903c",
    "val_img_551.png": "f41090972661c6951b39e5c6f7bca783477ede513067806ac523172af9526bb3",
    "val_img_552.png": "8c200d8462d0090f212476d908d90a7c3562bd09f1a175c3d75a8c341c809600",
    "val_img_553.png": "214883cb98f329a8605b2cdc311c549aacf0ee5bb96ee9d030a276e284028aaf",
    "val_img_554.png": "28a20c2a166581990793f7d3a552ec485ebf73c4acc136e4a6bf4f875d48bb74",
    "val_img_555.png": "c41fa95d05be1e409a1522b7ae2a31f60b550cc7070a74df2b8d115ed39c6d95",
    "val_img_556.png": "510711b04fdf22293a7b003ecdb15561d1d07c32365c221dd019c210193e1fd6",
    # Fifty-second batch (ids val52-*), written before the next round of tuning, over files of its own.
    "gs-color-management.pdf": "d870b5a73e9c2e51b8bcce60c82252bb9c418f0ce19144838a0e78f7e1522ca5",
    "lcms2-changelog.txt": "7bbc47801113e9a80704035f62613834bb4f6eb286e6da20c90e9395fdd6fa89",
    "linkicc-manpage.txt": "08595926bd925c9c29f1388c95ba64debc2f75d95c168fe9f6b09b3f15bdd751",
    "val_img_557.png": "e0c4d484ccb9856885ed75143abbe6ff8e08307d24b6270490a609922927a5f0",
    "val_img_558.png": "8354233548eb2287e796a9ec88cf3136583e8db20f12f127fdad5bcf3f9f27c2",
    "val_img_559.png": "678962f4a185eb86a3b19ddc6dfca2b09b821a5ea12134aabaee460493305f96",
    "val_img_560.png": "33e08d62a665a482c4050fc84c0da85441eac1c2c08616cbe9ff4c3eae867d76",
    "val_img_561.png": "d73f156ff530af503efc37b51b4d18610ce349accb6a38c5b11e2b86435162c0",
    "val_img_562.png": "c59dac7d2fb830caf67b17b6cc4d0527ec6607e7e991688ab7058dd3590f524c",
    "val_img_563.png": "19a0224b448226e5ce23a1a5dd10e533a3cf9d7154bf7692cd36ef543b805f9f",
    "val_img_564.png": "890f417ddc5562b251cc72be98fc03fbbf7d2b65966d2cf9b5ceb01467b221eb",
    "val_img_565.png": "45aa32e44f9ef072d3a43bb313d1787c947c5d4c193bb3f847ea275f4879b689",
    # Fifty-third batch (ids val53-*), written before the next round of tuning, over files of its own.
    "rcppeigen-vignette.pdf": "8ade4a5f8426617395069f1809583018dc5f8da8a863c77a63b75b86172c7105",
    "zenity-README.md": "bd08f426fb08b2a8b9378cf9ea69dc8b6958e014cdfc1c25495a0717e097fbe1",
    "zenity-manpage.txt": "ecc51d29f559c100a09906410799408fb36f9cf345d13ece3a7f00146917f72a",
    "val_img_570.png": "2958757247ff7e9e8027e66fa3461d343cf2530ac4ad5faab377f499beded462",
    "val_img_571.png": "2378ecb83be6b2e26f1c8dcf08af2f87ecdde604325efab21245d154ce11d83c",
    "val_img_572.png": "95660dbc39b5e92f8df924bcadfc5f7cbbc35da13a8af27e98bd36fd29ea6d22",
    "val_img_573.png": "f9d92355708212a2c6410158a011dd725e3699756e5304ed61916ae717df4e82",
    "val_img_574.png": "f2cb5e5ff3728f34d19d7d053c3e4a94dc6f3a088d50c34691ab2e85034384d1",
    "val_img_575.png": "37ff10279a6b8871b9344dffe26aafb1c833961b3752ef90c053f2d90ec41791",
    "val_img_576.png": "5cf437a20c0b8cefcff79c7cba4e8577239567d9e3df4551fd272ce1e21fe6f4",
    "val_img_577.png": "2f86e5f3ed0ad287a58f0d3a896cf5b1ddbb14d0428cab7c0202b23ed7f8c5c7",
    "val_img_578.png": "103035c51beb9baf82c5ad8591f9f25d9a46c04cbd488b1eb72db5c0bdd5270f",
    "val_img_579.png": "68368eb5eb046d0d5ac44041b0f8248cb159c5d8b6262369c2df0aabb9a3a226",
    "val_img_580.png": "fc2970e7257aa7197f38ab4948876b784cbd44813b837b46568c8e6e6216ab95",
    "val_img_581.png": "ce234f82abfb43cd0943209272aae1e7267a87a3b1bc07adb8080de0bc3c2e84",
    # Fifty-fourth batch (ids val54-*), written before the next round of tuning, over files of its own.
    "gfan-manual.pdf": "4e006631a8f65f4fb64344796067cf6e53b9f786424810d9608e949b343910fc",
    "gfan-manpage.txt": "bc9b324181662f2273b8e4f40a85fe991f1eb6a4571f1975d773d6861d21084c",
    "gfan-changelog.txt": "6e6cc6df7d1473e17c959a22dbcd9f5c000798b47ef7767b4e6832748a91d40b",
    "val_img_582.png": "66ffc916aa029f6e972d8e37ba6ff6fc1f845d8479aaa2dc21b3f89f4a219eec",
    "val_img_583.png": "29ea32f3daa0167f65a998ce343a122fc53466ce179bae5a88b1ced9740cde34",
    "val_img_584.png": "6aa794bdd098bd8301bc942fdd24b9ea761f8e226233d29f831a6b4e01b01e83",
    "val_img_585.png": "3e2792d15a3f5ef13a1086859f9f5f3973a7a729911669fcf3a8b60f7e4af2a0",
    "val_img_586.png": "9d44e239adde33b4a996cae909ba48cfb9743d6de2272ee69e63f5b502b82bbf",
    "val_img_587.png": "2877e8543da328aff57724247570cb47fe843024a324339531fc55e9cdc4309f",
    "val_img_588.png": "1b331d77dc02c898671fbc799ae1c0a8566a426758ba1c943643a832cc8cc925",
    "val_img_589.png": "32abc23327f78f8331d380d5d21abbdea898b4d41e79384f47b8ef9365ef564d",
    "val_img_590.png": "788cdbadba3f4abe3bb36ab1656a85ca013646b6f2a42e17e62f97d71e4e3a9f",
    "val_img_592.png": "cdba6ceff1cd0eb75cfa3660820080b9309018d368cf5f7d3dea0dbc4b47b945",
    "val_img_593.png": "9b9f845b847c5bc3ecab2b1c8d1634f7771a167f16b42fcafb83acb8cd5ae90c",
    # Fifty-fifth batch (ids val55-*), written before the next round of tuning, over files of its own.
    "rgenoud-paper.pdf": "957c0f73baaca03a7f81ed26a927df91c9b377eabaf0c5e460ab57a69e8ae6e1",
    "mate-screenshot-manpage.txt": "2eaa0cf7194e4effea2e815c17504fac1f9325887eb6e9afb6b0bb745c436096",
    "mate-dictionary-manpage.txt": "63d359b16b0bcddea89b5a86e558a49da7c793099eeaf50696d6b1cb99e1460c",
    "val_img_595.png": "8f3068f40c40d41afc3efb208bc379337c3b7502f9233452f3be528a735a0de7",
    "val_img_596.png": "7602ea89540036b87d3f336beb98da80915d58bef2ace58da5ccc9bf73e90d2f",
    "val_img_597.png": "ee01aa4c4cbec54a2b030bafb96cbcb6a54bc5ac1bbdc22121a18f0d4cd483fa",
    "val_img_598.png": "7a749ea233ab8ea8759c2e5eb78addd03bff66efe8d5ce43cf648c5c2e445e53",
    "val_img_599.png": "f2b373d825997caf70af06c97b7d9907e012eb3a425826695dd6be2ea35df26d",
    "val_img_600.png": "e9e60fb1343bc1745d776a9c3d11b326b3538b42c84e1f77ce417591524549be",
    "val_img_601.png": "2606235dc0fa2d5c05f965744f30f415949f2e7fc2fc890bcfd981634aa14646",
    "val_img_602.png": "fed7e8757e04ece54c520794dc17b57439ef5a9c8f88bf06189649b8d84fdf97",
    "val_img_603.png": "6397152a556dc77caaa985a620de897000cae78b1af7556b258595c7ba27c899",
    "val_img_604.png": "9097d7017d43075620f7f6ec07576d9c1b014895271c212d23774d14cc55bbd8",
    "val_img_605.png": "63456ee5a2c712999d2420607fe78583de90c3ab80498f0904352e0897dadeac",
    "val_img_606.png": "8ac520dc88236e16839d97fa619b7e9f66641eb024130676cf2c3a19dbac4a07",
    # Fifty-sixth batch (ids val56-*), written before the next round of tuning, over files of its own.
    "pls-manual.pdf": "2bcce3423db59301446bc03918a033be5fa2277aaac3b75873833a5f7edfc12c",
    "gnote-manpage.txt": "8523394e4512681cb2621a807a70fcd4dfe024fa218701c89aac24e628d3402e",
    "gnote-readme.md": "f0ee734b3fd4f5ab85b198132c8fb78ef8903c503a4142f3755ef554e9949e6e",
    "val_img_607.png": "75e96e168af12f4f5a5d052e49b04aa4d7c458538ef47df371f87e7a7b8fe8b6",
    "val_img_608.png": "c2a267d0ea7a4eeeedad326db521b7c23d0b668558f6883c6e019e751421deeb",
    "val_img_609.png": "3c07c86a788b69f73f91d2599e201046ad4fa538273208fcaaeb0e57299505cb",
    "val_img_610.png": "41e217bfb3d0a9e87d1a76ec100df7460cc957b5532348c3dad3e9dd9d81b0cd",
    "val_img_611.png": "c705b6cff852e8d86843896d824026c0af7e76d5bb1b18a9586058fe07facc95",
    "val_img_612.png": "f78c006b836ceddded0de5a9a47ff644572e589b20a82cc0616c8bf03e10a3cc",
    "val_img_613.png": "db048e98ad921aa44ab84a456c9b4900972e6d02e7ce0759ae0c038bb74b077e",
    "val_img_614.png": "fd5bf9cb577f691d7274ab4b9c93b600fa5186ef42054c699b4bd16495d3a71e",
    "val_img_615.png": "41a8c558d09f0cb18780258dab48b819167c304a7a24b130120acd24af4fe38e",
    "val_img_616.png": "77d831e33f1b0aa66a3b1e9b18dcb4902d9aced3c4643816c261b0556db81727",
    "val_img_617.png": "4e08cb306f8788981724e686d7f112d0cf5fa6e2b8677540beb0e0b949448a2e",
    "val_img_618.png": "b3b94fe297544be1c00b38d84a25f3d19d1605374a49065f7d49ed2b4082053d",
    # Fifty-seventh batch (ids val57-*), written before the next round of tuning, over files of its own.
    "epix-manual.pdf": "f0081ce46c8c665a8cfedb1bdf3deb27eaf941f3c0569057fe8dc7325ab53677",
    "epix-README.txt": "1f47ed7cd334e0f7b2185677a5c02ea0de0df6a8b3e70979848d8a80a123c56a",
    "gtg-manpage.txt": "91d85166f618b6411b593bb22064af89532926be5da4f43fadb2fed84614d3cd",
    "val_img_619.png": "0615cc0dd333ddddf7e50c15f7bb47657f79757597d098690c0713812668c392",
    "val_img_620.png": "3614becfdf523ef62830d45cb1b9f048c8073f8182400d35cc713ec083fad5ca",
    "val_img_621.png": "ddc27873d3ed59094fd724eddb579566f307fb45daefcd507c704ba941e787b3",
    "val_img_622.png": "4804f5a104b9183e2d7ef922a33918039116037a802cbcf97c04606b6ef78e0c",
    "val_img_623.png": "69fd7c580cae913efda46097677ec1b8ab3be9074c52757d21e4c1dd3cda9d4d",
    "val_img_624.png": "a651e35b3ac50344704ffe03299913455a52629a9c7901c09e1ba5651ccdde9e",
    "val_img_625.png": "1c6f4b7e0b962ec3b001de861918029c408fac3e22dcaf395a87b2d44a8242aa",
    "val_img_626.png": "4d40ac5ec9d1c4e832804d8bb9e6baa25716390b6403e271965637c5035941b9",
    "val_img_627.png": "3b031d97c595555397eb57e691ca6958bb2f803a52b888dc35a83d7d891d4c09",
    "val_img_628.png": "704bfbb76442acba247ae17be42e1e9c76c1d5b8e946850ba99a4d9642b01c43",
    "val_img_629.png": "a4a5dab59c62a07b082b93188e1f5e7f2608bd15e6ea930e8b0c085cc9ed417f",
    # Fifty-eighth batch (ids val58-*), written before the next round of tuning, over files of its own.
    "qtl-scantwo.pdf": "c2cb920510f898a963be5f5b6c6a0eca859559f38c302513f00176e8ef6ffa24",
    "qtl-install.txt": "8232e8ed1d82af95d5d3c19297684e0bb0effaecacad64778d77b84bdc80569d",
    "qtl-sampledata-readme.txt": "e3ea30930e21364eb5d869e2db95f249a76569081bef398cb7451b226dbff7db",
    "val_img_631.png": "43163560607b5cd7eff65d913dfaf1a8dae70ce9f9264adba0241691a373b6ad",
    "val_img_632.png": "6fcdcbd3727041789538e6fa447667e82c00268c900068f81cd2ed8bbb5c2bed",
    "val_img_633.png": "c4eec67ecfbecf13d3173369e193e6f72c9892df62868a6b48c4b2eb7ad1906f",
    "val_img_634.png": "cc95a1318aed44f2ddab75ba89ca3958474c3bc92ac35a134ecc1fe4b34008ba",
    "val_img_635.png": "5d0cdf641d129c6f8f044b400f5ff8771beea7bb022e4c4af4952191490a8cc6",
    "val_img_636.png": "e1c32726671bf2d675da35374cbc87d49173c10a385232639358b056bb2234fe",
    "val_img_637.png": "7dec5e2906dfb272c30d7c91f36aadeb9e4af3cefc55a755e5a569aafda1011f",
    "val_img_638.png": "33957c848f43b93398f7270099625bc4d02ff2cf7c35c156fe0ab2874006c92b",
    "val_img_639.png": "042f5e0be944371af75e6ffdf3e4066dd83aff0713f0fcb1d570ad129b1c7762",
    "val_img_640.png": "43fe7b4ccfd6ab3dcf9dd689a4ab23def256b2d28fbf58201cedad81c00a5886",
    "val_img_641.png": "333771148f22b913c8220d71669ccffc8ab3f1104daa4b697957842576a78e09",
    "val_img_642.png": "3d49ec71ed3740b531f8a98c43fdb36485270a6fa6cfd79255f4c0c09a59bb5f",
    # Fifty-ninth batch (ids val59-*), written before the next round of tuning, over files of its own.
    "cdhit-guide.pdf": "dee70ae49796bdd926cbbf4196e9542ae64a707027087329a3347e7c2d1cfb41",
    "cdhit-est-manpage.txt": "79139e8ba394f37c52c04a4b5d5e70180c9b65b1db0730a541ab2ed371dbf870",
    "val_img_643.png": "59cf7de74377d20016cb3a7826ffc5e2e9987e2a3119be2f01c6eb68fa781ac0",
    "val_img_644.png": "7a06c489df6e96b45a934134f6507caa9f3252d83c4f13e08be4810052303df9",
    "val_img_645.png": "2f9430fd4fec31c2449b2097a9bd7996044a22f72dfd83ee7b9adf711bf83ec7",
    "val_img_646.png": "72510e747c4e1f85e648fc6e1d29ae8809ef546477fbca575204c39027788003",
    "val_img_647.png": "7dbdc58bc3695ca4da0f398892be9a9183ddb64e04e1d2e36c030b2d54ae0f89",
    "val_img_648.png": "0e788537b6b9662b01a5aca910e6f331a86305a1c9ccf0de630b94509c1079ac",
    "val_img_649.png": "df1a40ce39379c30922dd34818f059267981265dbc1e74066bf0789cd6688d47",
    "val_img_650.png": "6bacf52e195e0b5095ebd5c8bb660c3ce8ca7ec9cb0d20a28d4338deed01cdc7",
    "val_img_651.png": "2f31a061ae53f6c0c2c2a125e6590f8433fb91111b0988957f253508f1f2ac60",
    "val_img_652.png": "44f7e63f16aba716df1a56d4b8d9e9c0f513de94118c991a6a9241823414ee8a",
    "val_img_653.png": "27c00c088a1c179cc8be2b95d0a1db83166a861f6cb4622b2961cadddefcd1a1",
    "val_img_654.png": "431d395971708fd78c21f588a09638e6ca9f5c0cee6251b8375f22289be707df",
    # Sixtieth batch (ids val60-*), written before the next round of tuning, over files of its own.
    "maxstat-vignette.pdf": "79dda2fb17d9bb3c9ccf7acdd877fa3e2a9466b60d542c0e6f9a07c240ae0d8a",
    "maxstat-NEWS.txt": "3f2bccd49081e23596d5b151d8e4183ad13f9a3af255f5f91ac52ed897fd1e4d",
    "maxstat-DESCRIPTION.txt": "682a3062ba16c0101696c0db8b51a6f9e681dd99790e7dc824aa593991611437",
    "val_img_655.png": "d8a9c08dcb9d4ff393000f4d794b46fd7380f2f86eb6c759867983f5bc533a4d",
    "val_img_656.png": "2b435d750320e4d515a5cb4bbb9998bfa8f2ed50817a8ac8368076e9ca8a1f5b",
    "val_img_657.png": "159f6545422ed0de71597ec9e2d34137b446ccf21a6029596972912a40142422",
    "val_img_658.png": "dc667a246b968288f9825880edd633ab5d9315ca7d07fcfc969fd5da47233491",
    "val_img_659.png": "8d757519b8feb605d4fa5157481339afd57b0f52019125a6eff49d3f6ee8b475",
    "val_img_660.png": "fec296313208764eb498e78f600b14faebcf14e87efcfc6b9716de46a2f32b9a",
    "val_img_661.png": "94718027e96ff09e007e9169d9253e64b23ef33964665224a392d9e37644fd4c",
    "val_img_662.png": "c08f12a22cc38f9b67a3fb00d8239970a6424bdeef3ae0e59ff1f98e9e5c7701",
    "val_img_663.png": "6cfefb0ee4a90fbd05aa289080abd56fdf7c49f590333efc8e936c646a06dd69",
    "val_img_664.png": "5eac065b0c2a030cd54cf6c2970f79e7b86a0cacb2dd7b2ad142a400e4cb650f",
    "val_img_665.png": "dab91bf4817fe7c95e8a67b50500c867c2ad21c3c5e67964188477c8f221c641",
    "val_img_666.png": "1219c58dbe2a3de830ca3b99505ea3b50b59c82dd8f2c6730debd93ecfd879b5",
    # Sixty-first batch (ids val61-*), written before the next round of tuning, over files of its own.
    "circuit-macros-manual.pdf": "5d67f9faf164d8563db32229a217951fbc55c2d669f2c376ba3c2067b349c685",
    "circuit-macros-README.txt": "ba0429f9ba7b31c205db043af21e9dbad6e33fcc4f894e391eeedf39de4e1cc3",
    "val_img_667.png": "08855ab3bdaa1ed36281b1e38c97dd71973855ed89c2f70dabb9db316eb5e895",
    "val_img_668.png": "09a97918949a8c5a849d0e63a9870992bb70e18a9ade73f4aa3c8100e1fc979d",
    "val_img_669.png": "aa62c68d1698b552bf782230e7aa819ad2523da20bd7d891ad7ff1235e761099",
    "val_img_670.png": "ec4550e32b2210dd97fb9cea8dcf2ae1e65b6b2ef0f1b1ce8f955fa9aaa1c7a5",
    "val_img_671.png": "0fe38ac32444dc6962e0cb9a0acc8686009a2bedcfa8cf93763ab71d1c681ad7",
    "val_img_672.png": "656739687f10a57a08d0c97034962a17f1064bb2a42e4db4b88be2249bea9dfc",
    "val_img_673.png": "c040c565cc0f167da34897fca2b3e54d62d5abb3bfff30dcca2f817f851a0e8a",
    "val_img_674.png": "9948880bcc3e1547460c4a5d910ab797510febb37f6c6806fb7391c9ad4008f6",
    "val_img_675.png": "b203a8da8de13d1c9d81e33436d403463efc5911fa3f2858dae47f67648e2fe0",
    "val_img_676.png": "47b0d72c5b402dd6330a897213363e56a50d9959e49db5af50f4f2757004f2a6",
    "val_img_677.png": "a44593c4d8d27098d698974cbeb6195428239269b1cf5e31b92b087d4ad3c026",
    # Sixty-second batch (ids val62-*), written before the next round of tuning, over files of its own.
    "plotres-notes.pdf": "917b4bb88ef1c3d990a6c9a4a1819d9975b33232205c6118ac5a0ab3932d89ed",
    "plotmo-NEWS.txt": "21118736e3666cab671b6b6e590b59fa1d4a71a6c6d195d03ac409bff131e413",
    "val_img_679.png": "da84187f50faf1a249aff2c903d6f4007abb47447cc7e8a3a4b4b3aa9bcee52d",
    "val_img_680.png": "3c6625128d285347bd1927f7c23813f4b903c0d6d61d5ffc248319927117c287",
    "val_img_681.png": "ad653d574b0a0c3ccdd109e9106901947d8225c635ad9813d9365eb0794410d3",
    "val_img_682.png": "418f0da6bda6ea66b52aac9856844da09eaf0b3342dabe724f38032016e89b9e",
    "val_img_683.png": "c6b7b810631c397959e708ad878598d5a943fe20f0484ef4b98cf49628ef87f8",
    "val_img_684.png": "bf80be13da7f57872d96b7f7893479d322fae163d02bc67518a6ffa6f480cfa9",
    "val_img_685.png": "e4330863188edb117b3277ebb594714a974606b0a6ab36ae355dd21a4c76907c",
    "val_img_686.png": "8f63682b70fde2c6da1802a7bf74191372c0e0885364c24dca8dc1afae9d87bf",
    "val_img_687.png": "56a7011605a68045fe1ff0e3a71016e0abf769825da09e5cd00726a2f9bf9786",
    "val_img_688.png": "935320d9cbe1f8084fa90baf426069032ad5c01a3a625b6bc055dfb7bb343687",
    "val_img_689.png": "1e9f0ed03389a9f2283fdda7ba930f2f17be68ceab2e1456b5547a98ae7ce4e9",
    "val_img_690.png": "5bc61116821079e917ca00d1257e2d352192a449b5da40a431528bfa10df14e8",
    # Sixty-third batch (ids val63-*), written before the next round of tuning, over files of its own.
    "dynare-parallel.pdf": "43d472415c6c0c04451f08ecec6cdb26474c19ff6ccce447b586b86953574433",
    "dynare-NEWS.md": "260341c2299817426b8558e7a27f57aa08fac5b0f78ba4f557f09caaf45aa3c2",
    "val_img_691.png": "777d356223221e9bb2ee5cac6f260f85c9fd2123c2a4ed1aa13b66643eb64fd6",
    "val_img_692.png": "cdf5ec3dbd1cbcacf1e1e27c090b7346ae741e6533539a187fafde9ea8ed18aa",
    "val_img_693.png": "5d8172684ad741f504ad88556a74bfd271a512e0a43bd5df9b7b831b82dddd32",
    "val_img_694.png": "7f0be6f1b43dcba26b7dc54aa6971294a14da272609e94970df3619920f1981a",
    "val_img_695.png": "32043cd6b14c52c31e9b668c98971a9128456a066518032cd8a29c17770ce66c",
    "val_img_696.png": "ff59977148c650870449b1e3505c759b21c80587cc4febec3fa48eb0d327b95a",
    "val_img_697.png": "e963df67adfeb69c4a4ec988c56049bd42eb67c98a489909506f39aa5b8d3676",
    "val_img_698.png": "a7a5674386f8aba7b627154912288fd9a8ab6619e28fa2b67e22a35dd5d8ea7d",
    "val_img_699.png": "b6376024da3e392920e35aa2d61ce73fa0af3ddb438cf58b7fc2a35622d914b5",
    "val_img_700.png": "20f40bcfd2273c39772afc778e3108df1b5c43f1bb8ecfba9f15a6679b73d9fa",
    "val_img_701.png": "40bad9075170f98267ff2b6921d20215c550b9455db51631a7dc962ba636ff80",
    "val_img_702.png": "7b9113c04df3dcc94243db9dad47281e597aa02fa28e57f91db5a38adc61d7d2",
    "val_img_703.png": "02d9035e0014bd1581c5f45ac24d305ff0f57265253a9c55c41c63e784ac1513",
    # Sixty-fourth batch (ids val64-*), written before the next round of tuning, over files of its own.
    "metafor-jss.pdf": "6aafcc97d1124dcf8d77a1b052cb777d07ff8ec141fa862a90392de7525c7097",
    "metafor-NEWS.md": "04fbed20ba59dc5e9ea91400cb57b110fa520b51f07fd0b454608c539712bb01",
    "val_img_704.png": "656b60c0bacb1a6eccd1a88bb940f7ad8444b4fc2cc626b9d43dfc0bafe4c0c9",
    "val_img_705.png": "9651c18f5122d257cac0bb9a5a4ca93e50d34c7661041cf7600a7b2c933db6ce",
    "val_img_706.png": "52930b19b3c0afbfb3bd8b566ca4face6cbc42ca1e9e198c120f1b0278e8b449",
    "val_img_707.png": "43e63c7c4771aef5b14eaa92ccd469686698f86d4277f5f56cb1af64418fef54",
    "val_img_708.png": "3dff463c12192d451df835e3fad62cd32249693d97ec57dc516f83d071d1efe6",
    "val_img_709.jpg": "a19db76adc5814b45a9d9e75441ba973818ebbdf64e1be2a09d963a11ebba839",
    "val_img_710.png": "275cd331e30e565e40b5b54bccb9cff94d87a244dbd3a7d7566800be260df734",
    "val_img_711.png": "a928f978b29aca5ccb37940584bfd287c76d1205553d075b71c8ddbc4a53dbfe",
    "val_img_712.png": "3711dd5017b88c9cc34fcd5cfc21faab57e0e381bd877a830afe922d32540d6f",
    "val_img_713.png": "430c3685fb79eed572eee666d2dd5a8f047161a8047e972477b266ecbd45760f",
    "val_img_714.png": "56b1385e12c79e69d0ca1d0de302e73cdea76ddb7711cf22065d3a3f920f839c",
    "val_img_715.png": "30c2c2c9278a20912a114c9c6e010aec7d8132fcbc17513f5bdbd62bac6e034f",
    "val_img_716.png": "5a03241e97d26f46ad992c922d0953f6b16035ccb538c66a4010b0d45e91fde1",
    # Sixty-fifth batch (ids val65-*), written before the next round of tuning, over files of its own.
    "surveillance-jss.pdf": "c3cf8e6a6d5a09368db863eb2dc173a1766dcb5a6240483346afa771f652c9d0",
    "surveillance-NEWS.md": "385150b2a2382ccdfd7261357ff410e32ad775f828a0c5e272ed6db2565e2994",
    "val_img_717.png": "25dbc5d7f6ef8d3b74bf13a5c1c8db0fe7a7688fbc75c2c4e9683186981328b7",
    "val_img_718.png": "825b31ac93e34c7a82c6b70044b086c57703cdac81b2dc7f7071bef9465f6bb2",
    "val_img_719.png": "9b4143576192da184965ccbb99e90872776e8604641f4f4b3b6dc3522b0161f2",
    "val_img_720.png": "0335288294c375c7984f7ed157b29994ffe139b2cd58c9d5736bc912de768ae2",
    "val_img_721.png": "0987ee4937ac2dbe0e690b52d81e90da926c5460ae56b8b3e9322af1ed5d1d06",
    "val_img_722.png": "8188a8773d27ee28199255ea5ca71581003b186ede5017d19d8daba105751f79",
    "val_img_723.png": "e284713cf48f07b10d34f127faa281209cce5df9f0db0c33303a49232ee4f5e8",
    "val_img_724.png": "869b0d5e607d81c85890d791c4a68a16db3d6f978649762bd13faa2de607b076",
    "val_img_725.png": "48d38edfe414eacb1aa79cdc06c47931c33a2b32060fa9006c5b4edb466f4906",
    "val_img_726.png": "c7928995379beff59e40ff6a66ea5e6a20bed274bbd12a50e5318338cdd3ba1d",
    "val_img_727.png": "8f60f86b07a6fc6dbde8600d95eb2b25e9a512c14025d1254ad7169a4cea982a",
    "val_img_728.png": "8127d5ca012cf0a6355fee89816ee20152f1539e8b86136d40c1d6ee5b93c5c0",
    "val_img_729.png": "51f8568f1c07e4cd8c11bfa94097949f7ac9f3fc86c3f449d47e02156164a724",
    # Sixty-sixth batch (ids val66-*), written before the next round of tuning, over files of its own.
    "pst-3dplot-doc.pdf": "2c9ffa02770ec144bc57a92466e16cc5a56f40285049b9dc396751865671177b",
    "pst-3dplot-Changes.txt": "63b263533cc925ea777d3e35e67994307c754da18e180f10a4b0d83fecbc1b33",
    "val_img_730.png": "d4c6e75ecd4ca8d7f127a90bccdeb51f4d0a26c7057fe4b347ad2c6e4616e044",
    "val_img_731.png": "9a40c87768599922e318cccad03f344790c07c85668f9f0c2a6bbf7f5280e334",
    "val_img_732.png": "b6fad3556e914b7bcf0a6ddc3eefd52c0be637182db22fc86efcd039d69cfe66",
    "val_img_733.png": "78d65bb5505aeb99ea95f12c5ba91d38b880480a1c909bf8fdd33e99e64b61c5",
    "val_img_734.png": "1d8e07975cae9be8fa7f2072b76263150e01bbb57ec0234b201c1a050f5bbd0d",
    "val_img_735.jpg": "c3cc6529817325c9b10f852fec4e111244d58d955aa715889960a28610664d29",
    "val_img_736.png": "a3f65a7e1e1b5e6db6303d84bdbcc0fe7eb7124f7e91c0bc9adcaa35504c7d89",
    "val_img_737.png": "2b31b2923e0b2b6d232ad13547c2984b68422572cea52ac3ba005c8d417f1532",
    "val_img_738.png": "e73930b80323473c4f1d1a1523d571290bd8943dc0d61348e67f1f0dbc1aa7e0",
    "val_img_739.jpg": "dc594a0350839d4ca15787980a72c5538f308f070772c988f7ed36ace0544630",
    "val_img_740.png": "bd7b621235088c21efd1d38ffa73defe61adabf52a5b45b8fd1a58f26e7a6a24",
    "val_img_741.png": "3b0f2893cf4e9c64a0d456cd2c288a4262a6f4fceeae0c5c2fe5bfb173b6a300",
    "val_img_742.png": "0ff5924645f7c051481f5ca65a062fe37603474dede17ac698d2b139fd6beed3",
    # Sixty-seventh batch (ids val67-*), written before the next round of tuning, over files of its own.
    "auto-07p-manual.pdf": "a9217878a937699bb1fced39c6b794967590f6d975d8b86a2056628d8fb91b1f",
    "auto-07p-changelog.txt": "9f03acf930a08e1560f506e31d2706d6191a34de111f0f744c4bdab012b037bd",
    "val_img_743.png": "3fc12ed685c0b7f2fedb727da712f7893a2ef76228ddb2ef86b50776cf8edde1",
    "val_img_744.png": "85e55af312b41eecf78f7fc1ef80ac57f52900c069866bd204dc7f4fcad1cdf7",
    "val_img_745.png": "29bc67e07958a475b4ba9551369455faa5eb4c05035e95c881d117a855810919",
    "val_img_746.png": "6a996dcb9da6848713ef5a25732381043af155105e07b270ea28e7e39ef375e4",
    "val_img_747.png": "8a0e169edab95ea970f4c22b9f73dddf00f87c22148afa054a52de2dd594cb44",
    "val_img_748.png": "9a8c7057c1488953791c045b43639a7c40171d69f586f7bf028df36666f3c7e1",
    "val_img_749.png": "bbbc60ca5ef4512d376610825ee6ef1b7752821186a33aa6d596b615b10180ca",
    "val_img_750.png": "a3b15439fb3ea642537d44765bd6db3427215f2261f26a04e25bbbcd927b109a",
    "val_img_751.png": "25938a36c02bcae1acdf7b69b7f0d645531db22e996ff388fec5acdbc8669156",
    "val_img_752.png": "04e83447c875dd9725e3bc460b4525fb783a4b5da24e5aca68f286c3eb8868d6",
    "val_img_753.png": "c2a680ffb50379f2e01be398e472b878b4c55bb88da799ce0ea081fc8c8bfd56",
    "val_img_754.png": "d20d633ea61b688fd40c7178ed98a90b0a9fba95862db75cb2199bc0b7b72ddb",
    "val_img_755.png": "19e9995ea9f40e31eda8906336109cf0ba71076443ce8c3e3b188913b4bd80ec",
    # Sixty-eighth batch (ids val68-*), written before the next round of tuning, over files of its own.
    "spatstat-datasets.pdf": "e1c5b0695cd8bf0ec0b842a2bdb8bf296f1f9385432b4473545568da3037a7fe",
    "spatstat-NEWS.txt": "8b5a4d3bffe9a1fc6e79293e30a43c16f1cfad8c1e61b2bad7fc7529af227211",
    "val_img_756.jpg": "b67ebce3ae77c74bdd93201edc1d197742c57d9bafb180f88f783d8968864cc9",
    "val_img_757.png": "76380bfc107e1dee49f89cf7347c93e39d1bc842e036ee9a6f01a993e1376a80",
    "val_img_758.png": "9dea82dec88c8a8be31db2b481338c569c88e4747f94be1f28c7ea088b0bd4c1",
    "val_img_759.jpg": "859d5a1d32887d54748104c41055aeacb263bd5600296652c47495610d8c0e4f",
    "val_img_760.jpg": "a7c36e83d62a384eaac1381e65afff0d8b7eec55133aba3ab68234679ed65868",
    "val_img_761.png": "80a59adcb86daedf6730aff7e27dac7dfe0533d53db2b9c6674da253efc97a5f",
    "val_img_762.png": "c8728622d4d9220678a1fc5d7f7fe201c163f29173e46f56ff61130094cd3f84",
    "val_img_763.jpg": "cb75520d4469f31bda8b9c4b99f985fa04ae85b20121a60b78e9c8bab6ad6ce8",
    "val_img_764.jpg": "74fa01fd1387c477d813793467f89670159fb913d1c1096ceda419a22ce2be36",
    "val_img_765.png": "e5c30569c7070473aea5b568f228f548977ece24a05ebdd0571bf41766a1293a",
    "val_img_766.jpg": "4b0123c6033dec7dce26e6ac83eafa2c59807cf8eaaec57351ee67b175d83f7b",
    "val_img_767.jpg": "01dcff62dd414da14b7690286e9b500cf2d677fec590b55f3df9850ffb36f538",
    "val_img_768.jpg": "e6b59ef4e0eb6fa41ddbc27fa5a28c494eb89f8d142bf0c2fc76b2703d8b574d",
    # Sixty-ninth batch (ids val69-*), written before the next round of tuning, over files of its own.
    "infernal-userguide.pdf": "c8c7e00127c81e9955d1919c2d93e142de8ca6904a09c5983cd6cc3bb28a34fe",
    "infernal-release-notes.md": "881a94db9643c52db86f8119a7e9e1e742a52b9bdf99c75c8b6b8fe38b84cc04",
    "val_img_769.png": "27353c6d133ea9f74c2688d42edeac23d27f941d678f5955d47c0fbb90afc721",
    "val_img_770.png": "e7436d6849222112995410b255ea63169516583d3c1bb3045dcdf3e466435c68",
    "val_img_771.png": "4913f45674ab6daf8a9132c45b86f19d289ce18fa3270aa9d2f885535c34dfd7",
    "val_img_772.png": "4805e494caa77525f89fde15ecde7f978fa1970dbc90865b63bd737740c878c4",
    "val_img_773.png": "4b54527960344c83b6db4be8d1cc01baecdcb19ac8a9d33620a813f9115d27d0",
    "val_img_774.png": "e6542513e03ac6f6301e8ad435961877d338ff66fa6df047b1f54ad6b7819058",
    "val_img_775.png": "41bb6407bb98f6967f21efa88d4bddf36d8f1356be5b68cdf3f08d1ca785c5b9",
    "val_img_776.png": "cee658bf518813935a5982ebd2617045b508f9bbb4468928ea7c04272f6e9a43",
    "val_img_777.png": "44333a35cd8a2f01ab46dc5b96c8a1b26aee242da57351b9a19064b342128be5",
    "val_img_778.png": "6d1a81a0b01a594da0d4a6e4bed1c97867c5da50b52a772622bfd9e43b7ad8bb",
    "val_img_779.png": "e3a543eefc5650b4e044abcbbc0e6ac3504b3bf729dd1a887aa0114ff7299df9",
    "val_img_780.png": "0da58009b35cdaf48ce295e139497d16fc5279aa655c8339339b70a9152105f3",
    "val_img_781.png": "97f5223ae6412e9662460dd654aca12d3ba433aed55cfe689fb07eeea7cd4354",
    # Seventieth batch (ids val70-*), written before the next round of tuning, over files of its own.
    "dbscan-vignette.pdf": "3886fc1992c19282ebaed898ad64543c21caf19a7e3a232bbe882e86b4068f5a",
    "dbscan-NEWS.md": "e4a057ac55089493cbbd6a51cb329f608ded55fee5bba2e979b02821321aa195",
    "val_img_782.png": "f193d17470fa0c3c31d0f164752240873e36e4eab5f0d40a10d9fb581b28061f",
    "val_img_783.png": "e29b4d0eae9496d72c0de1736b9778d11106254e585d3722aad13094733c65d6",
    "val_img_784.png": "6216373de17da743362e980ab6b958a8c5e92abe28a94d8773c2d85a8c739b23",
    "val_img_785.png": "cf412ab5561a08230486108c416f8acfe91e0e6ff3895c497aca8fb05aefdd91",
    "val_img_786.png": "29c55a79911c341af2be2d3ded90938ebb9a5217bb9729fa07f189736626ec85",
    "val_img_787.png": "688e03c1adf726c9627b50d0b292984d88341639f3046b1e7cb80f5de41415b0",
    "val_img_788.jpg": "8a15e4352ee0e077ef200b0f2ace1725b93c1138e811af49d7e4036608e75598",
    "val_img_789.png": "127b1322363ccfa9c195198884b94f81496b8b95c95c1f7a3c0ea67f14098639",
    "val_img_790.png": "3b54a14ec6e9ab30309760da2825044bba37d7eae0eac52631ce8006f16b5f16",
    "val_img_791.png": "cb67cfa89dfcf2d4b97e28a8754c3e8b092b5763f1304136442a1ff500b77aec",
    "val_img_792.png": "765cf125192359512dde564da668f6a451964828f33d5a23720fa82f075165e8",
    "val_img_793.png": "c6055cfa0b0c7520b846e824ac9491fe23a1099cc5fe6b2992a14693f5319c30",
    "val_img_794.png": "124b1df491641fa8582ba3bc6932da9db5f47624821c13869161afa3bacf5a4a",
    # Seventy-first batch (ids val71-*), written before the next round of tuning, over files of its own.
    "code-saturne-theory.pdf": "7fd9a41634af739aecb2b61620b468fe650d85edb02b84c0d722602c4c3ac58a",
    "code-saturne-NEWS.md": "5d829b117e8009332cd904472da3cd485518c564980d98bee3989528db39ffb4",
    "val_img_795.png": "bfe7179eae72e4d164a484ebd8f0888db1b9ddb30c07f38e89fa65cd3d776734",
    "val_img_796.png": "c05f3689751e5f17b5368885fe9933d5fb639cfa446fcd538eebe6c7919e6dfc",
    "val_img_797.png": "31c9cf6fbc53ae76fad18cd8363553f32eb6dc6b8266bd8b743afe53366a6649",
    "val_img_798.png": "7652308c445a51656733f91984a84fb2a6fc835504d410f6258d8094f93e9ef9",
    "val_img_799.png": "bf0de8525e27370a3d969fea05168a1587b5fc39816544f7ac1137e046481e6f",
    "val_img_800.png": "045c562d5a7f23471849e377b653f528ccfabe9f40221fb7d8cd56b19d990390",
    "val_img_801.png": "280b8585ea6fab42d197349d109c51ef51e524eb1b5044f715499a8a0fc57a77",
    "val_img_802.png": "2a82bf68e637d955b8c2c3504354edb857a7f22dbd402da52d7cb814518184a9",
    "val_img_803.png": "000b64e8c294e43fe79c10a308eedc7f1112b593ec830c92fd52cd5e3751175c",
    "val_img_804.png": "ee77331d8f9b1cc15c2b1f64994f9d5d81bf50af37b6dc25b2a060f3ce478349",
    "val_img_805.png": "5d9020d6cd41d58a234e973eb584c3d3e658b6e73879b79583bbcaa01bfe64ce",
    "val_img_806.png": "ef000b86741587d536811be6b5f6bd6ffa144e81c6c8c1113c89a8637086a591",
    "val_img_807.png": "37282263bf6f665ef9f86b08c21e971a8e5a6601df8c6b373607c89174c0cdbd",
    # Seventy-second batch (ids val72-*), written before the next round of tuning, over files of its own.
    "rrcov-vignette.pdf": "8cd393763a925406b8925f696a5e10141752eadbab62017a97cf4e65aea2e049",
    "rrcov-changelog.txt": "1ca3cc04b56b8d0c34918d78200019e7b544bd6bd90b9e9b5ccb65d6b768da26",
    "val_img_808.png": "afc0a1d241499bbcfb6e14065ebc32a93f09ca924f969e9fe07574f02a13d242",
    "val_img_810.jpg": "1749e36120fc1847a69374c07de96b2fef076b422d42bb60f0eb1ffea4f1a112",
    "val_img_811.png": "e72e58129440c21a52079034b6dd8a510ca34e68b518bce7f5f736ee877ff835",
    "val_img_812.jpg": "c82fbbc4213d911fa6da025a14d3c2566b7e62b82f03ea7871c7660f8fd950e2",
    "val_img_813.jpg": "9ef9f73d45fec17718d0ccfc204705141e25b1ac297244bae46ded624f0a96eb",
    "val_img_814.jpg": "cc3c815edc94e2d8e6039765df3076685be51da62851ea029d690fc8553a0b18",
    "val_img_815.jpg": "b5724e778d1ae7b9699e1d1d7da18fbbd86d5557e8cbe6418ceb86183cf2abe6",
    "val_img_816.png": "e461d6fc1425414ec1d7597f5d459b89fceab30d75302fbdb66c1f2fff114d91",
    "val_img_817.jpg": "06708d28dfbfdcb54ba3786a616730b0316e7b6905fb3227c44c668f26ed9f2a",
    "val_img_818.png": "9c59e60506fddf669430b105ac1bb7719f48a8545690e3a3ba1fba406999e4a4",
    "val_img_819.jpg": "c0c0465f9c0a76f94b41420ac34cab2125e3a22de26950e401754c731a794fae",
    "val_img_820.jpg": "0915a26c1684866db0e8c63f5efef8dafd977dc2a10426fe2682c73ba3de9ef2",
    # Seventy-third batch (ids val73-*), written before the next round of tuning, over files of its own.
    "spacetime-jss.pdf": "a913be5d1ebf259bb26e435f6c8643b4fc97bcd2bb57222afad618b5c2bc43da",
    "spacetime-ChangeLog.txt": "db680a4e69c978e1b9d9e04c134a0e488ec2886e58a644f3b42d0eb6f371276b",
    "val_img_821.png": "a99d552696de3dd82b25f035c10cea37a1e611147cb7bf8aba7d64cad82a9cf6",
    "val_img_822.png": "e914216ed420b24975ede995faa9d495fab3ac264cd0c5c3f2d352710a6ee6ed",
    "val_img_823.png": "7f00f0e959e865693ef3c91a81b2a8411f11f3b7445a27220a114b7344c56d02",
    "val_img_824.png": "40ba44b59032d35eff87477d517f6b6801bf68513f149778436bf930ddd83032",
    "val_img_825.png": "1df7975a32078fd7faa680535aa6d5f2096b5e412aa8f8d756d2495f4d3cccd8",
    "val_img_826.png": "04c68b20bad4e79122740ec9f48070cde3c90bb67cac6893fc3c7372fecfd65d",
    "val_img_827.png": "399e864b4b3804dbbd2366805f7e1f75d26560cc5226977c0ddf7133709aaa83",
    "val_img_828.png": "409ceb597beba171375209e06a278c13a62bdda68289ac8824dde530a9bde6e4",
    "val_img_829.png": "a158597efa1246d24d3f0546bf197577bd3c8a2cad35a48df188b6aa60698995",
    "val_img_830.png": "d1ecf7bcf947b3f1a6c2dd88e9f0f9dbe937b88cf08b2b841cca625b6251a40a",
    "val_img_831.png": "e65ed0d2d068ae4a8693f16abf00d2271ec664db5ddcc7553baf63a873e3e833",
    "val_img_832.png": "7b0aed331b1e2c431f0acb64eed0f85e882a3dcef841082b7b8f0aee730e7767",
    "val_img_833.png": "44426eabb584206958aa21b986ee9888f2ab98d633c5e14ac176d36a84d1e7d1",
    # Seventy-fourth batch (ids val74-*), written before the next round of tuning, over files of its own.
    "rprotobuf-paper.pdf": "806c02787c6a68c84a645ff6b6defc836852aebde96b09535a6b4b6c9bdce7b9",
    "rprotobuf-changelog.txt": "3e96cc6e66d2a254a822459f0fee7a106bc99a7ee2e93457c655710aabbd5411",
    "val_img_834.png": "9a30e258afbb49c2d56c386b652b5f3cbe5518f460b63ac8f1ba7a4f947a1720",
    "val_img_835.png": "b1f8c9ef6d551452c741f58b650129286e5fbdbcd8bca2e19387429588f5e716",
    "val_img_836.png": "79b4bf3f399aab2efd69efde1f63741d02d18c4d3d68ed0274ffe72efc76557f",
    "val_img_837.png": "837ea23b25e957c530b03f028f81f1e033af76e345c5ed3910c16523a44e42c6",
    "val_img_838.png": "116a86a1cf785e29e415016ee06e280a7240e1d7787bf4bd821de035ec9a4c36",
    "val_img_839.png": "3e7a4f47655ffa8d9481d837dadd271cf9e1f5a693818642d0fb30c8692b18bc",
    "val_img_840.png": "b0ccebe76c7e9cd02198daf69f0b86f2715ab41ff78542f57c0482c81784f088",
    "val_img_841.png": "6f03e0a678d9ebeaf62d81e47b135e143218cc3eeb56933eb500b8f3dff96868",
    "val_img_842.png": "6b6558ac0517393f267777b6df0939544a3b33daccba1c9c503b24ec45c7b86b",
    "val_img_843.png": "2e466eb970e3ca12b7ebaf359fca08761c864a9110c3440f430e7e45fd443f8c",
    "val_img_844.png": "7b48f184f7de234ec3e906962887b9325131db969af06eb23e353e5848a45f4a",
    "val_img_845.png": "ed66bc41e9cec764a799cfa41c1cc4b05f3d845e6548ec510e199a41c40215d0",
    "val_img_846.png": "4a72dcd4c6c3081174ca71e54c7dac2112ab8fad857afd464dca0ac586d4f9ad",
    # Seventy-fifth batch (ids val75-*), written before the next round of tuning, over files of its own.
    "rheolef-manual.pdf": "c9036c7c28647a68804701159418995c295768475aafa54c1a137d6cfba0458d",
    "rheolef-changelog.txt": "8a1fd3b6ea9eb477b25fef99703dfcc057c411a22e07d7900f303fc3f6bfeea6",
    "val_img_847.png": "94a951f5d149eaea035cca118eb4e12246b509a7185536dc3caeb9875fb2f705",
    "val_img_848.png": "ce79d5ad7e4a08b1404775cb9f3ca4bea4972c4a23b9cd206a0e1f5cc0fa395c",
    "val_img_849.png": "b21b7cf74d1d271a97754455a823e3eb2f776d54bb93cd72bbcecd1257cf49b2",
    "val_img_850.png": "676aa4af6e6e4cdc121c9f681be09ae9ea7240effc09337cef1074c0ecf3b19a",
    "val_img_851.png": "dda466fb956a826206415a90a9e1190fd1f3ce6414d2680d1f50fb30a69444de",
    "val_img_852.png": "37967fc1a06e3418e83632cc35fba4fae86c749fd15147765ccede988722fdd9",
    "val_img_853.png": "ec0be3800c7906d6f0a2ce6fdaf65ddb428aaab72c151699da3a4ee9bc9bd888",
    "val_img_854.png": "2dd85cf19214fd7e45c299b73fbd7b7822d89893a4219b73fa9697a9a0a340ff",
    "val_img_855.png": "fd702ed5bdc4f7bd9e411d2a4afb7d4ac5f87015ef8694c7f6aae25a00deb033",
    "val_img_856.png": "9b25952f4c14e37fc8a22add72954b7333e9be0b14ede106f1793e850824de42",
    "val_img_857.png": "e9e4e0f1a53a6773beae3cf7acf7506577ab00cf7f333d27dbc419d43bf13f84",
    "val_img_858.png": "a148f20d338e9e3fb5ddc61a530a73c6d7da140af7ff141d95a85948f2be2aba",
    "val_img_859.png": "0bb0f13a0a6dab0b96f61dc10a156191d274969448eeb04b2ddd1e4c18d120db",
    # Seventy-sixth batch (ids val76-*), written before the next round of tuning, over files of its own.
    "network-vignette.pdf": "7b3ae3cd3b1c2811b7a968ec5f6c38a3731f3039db4b1b45d32d3b4cda1f5340",
    "network-changelog.txt": "35f9938b570160fb01c513d9f9bb1fa77908d51f381438dc27b32b7833df886d",
    "val_img_860.png": "4596e9428b5d87b4949fa34f747445c37f947833058166e82eae29207a46fb81",
    "val_img_861.png": "3a2cd3bb20fea561dcdf2c1037c2324abd93a9a66accd0a149e518d03ab92fc2",
    "val_img_862.png": "49d5bbcb8ad4be8657bef7631f5db22758117c830d68f27b10b80ad77d48a1c5",
    "val_img_863.png": "5fdfeb2ad05952a708565b72925f75df7f798eb90433887df3debcfee6a98dca",
    "val_img_864.png": "919f948d74bd9a6cb21152aee0d337e2154a505a6b16f2045fa0eea8461bffab",
    "val_img_865.png": "619043164fdcfa220c5825acedc121ddfaa7bf9318c58b0913f527d6ce7f7b52",
    "val_img_866.png": "bc172edd799e5d7607e178f1141cf69ac8b1ae01053baa9374f559efdcf2e9f3",
    "val_img_867.png": "10d346be19fce6781a615450c9d99682abeef219f3599a5168c3c07717d6b9d7",
    "val_img_868.png": "b8a5986430fadc094a1e052f6e637fc1ad5fce7d1e9cc14e80943f23dd399721",
    "val_img_869.png": "e379bba7851845171442d14a9945021a8d310306f4df740f255269733ed11264",
    "val_img_870.png": "aa4c75b55d6a339d5811882b05cd0f3f98f542021d0e4344309c642dcbdbad97",
    "val_img_871.png": "c21a1a4700047d730aab9057a6f1f4a3516426f69662fe5e85ce8ac89a0152df",
    "val_img_872.png": "0e6a0c5cfe8993a6de8a4ef8fa6cbb2449436d5072d723eaf1dfea3ff4231d32",
    # Seventy-seventh batch (ids val77-*), written before the next round of tuning, over files of its own.
    "tgp-vignette.pdf": "149087130b83f305bf034c9ff7093bd6ea6ba1699666f526657d63a5e2cb4274",
    "tgp-changelog.txt": "4cdc6eb928c1f4150f47581006c447492645fcbaff695b686f7518dc8346be00",
    "val_img_873.png": "c27e3e4840cfd3c9f8f72bb660188071a1d990db29528818eb1fb5f8afda79a4",
    "val_img_874.png": "ffab87030769bed876e6f1a84ce463c7e03b3e975ef499eed7dcaa970ce059fd",
    "val_img_875.png": "1c44756ff7a5529aa2b5d18eb3dd1b1503696c45b3d585d76a522fbef59c21c1",
    "val_img_876.png": "849bbe7b988b0de253813edee6a63d32cb4b29c6d3ada0af286dd0376ddcf7db",
    "val_img_877.png": "55420b5ec250d18ac2a9a53cbef90bdc1a395785788885098319f2f1579da07f",
    "val_img_878.png": "6c514c5f1e9b0b4f8643ce3e1ac2bc95a520d55864133672ef6c0f59f3c3be4a",
    "val_img_879.png": "4f546236a67fd876a128030dc6bcbcfd60c12ec2f60a914124086cfe287ffde8",
    "val_img_880.png": "1e822aaee7df814995f22ce7f42ba5ff85e2c15e44f47d9417008928aeaefa71",
    "val_img_881.png": "8288265fa02ee0adf9f163ac49bf0b8658c806cb6832b69ad4790b8470c3b280",
    "val_img_882.png": "f19acf2e0923e764775f278d59385d5423e4a8a67c9412ec73bf3be849908c47",
    "val_img_883.png": "2e566f78e86686be5ae11dce64785685ab7ca3c40d218030f83addb068d502dd",
    "val_img_884.png": "cc51a78afef77ac912fab694dad97b82fc0a48e2abf5f713c06686bbaadc2504",
    "val_img_885.png": "df9df5881a2ae0e1b4fae17e125102092ff7cd1590ff1a2332c588006bf97886",
    # Seventy-eighth batch (ids val78-*), written before the next round of tuning, over files of its own.
    "evd-multivariate-extremes.pdf": "bbb7d4d4254fa2c705e733fca8c3b2922db925a9d6b842a4d11b36b9c3f26904",
    "evd-changes.txt": "7e64e6db3506715538c1c36d4ebd178107ba65faf310aa758a9b73e51b945a50",
    "val_img_886.png": "152c4d8cc5aac8f17e722c4b040b0aaf81c92839cca7807c1daf5d61cee9e5af",
    "val_img_887.png": "4a219f01ecacb1f08d6f42febd11b231c1585a311f7809d33c5842df386d2a77",
    "val_img_888.png": "5fd6ed51a38e2120f97cedf3ce2471eaca130ebd02eb7a6c28ea73b1c5c96f4d",
    "val_img_889.png": "b51cf36c303971cfd167eac40b1e69022d7966984e918fdf2ad514650be9e364",
    "val_img_890.png": "8b9dd1aee75eeff710e7b938f738ca3d2cf23cc716e8fac0f2a1c8b606269d34",
    "val_img_891.png": "3e4d10d86c2fddde39c41b84188bd13a60e97bb61b32d5a18490a865bda1fae9",
    "val_img_892.png": "d48e97f3f9be22860ec7e4fa1c5c8acac0b84a88f2c314646795b6afd1ac874a",
    "val_img_893.png": "f574eaf7173087af9a8c24724b0ddfa0f2f7825e368a2871c302a71ad660db91",
    "val_img_894.png": "9b5f1f7bda97338066982735304c0936147fbe487a82395c7e1739044cef039a",
    "val_img_895.png": "a55276f11d0b957f26d9f3b259cf92d233f2dbf8f101e0dc1f1f3ae4be9b78fb",
    "val_img_896.png": "af6259f4bbc26b9560ff586f58f7e919ed810e6f5afa28921d238ac1958cfa0c",
    "val_img_897.png": "651391cf6d598008c7078c2e933e5e1731b5c564f4adce32bc2a09b85b3ac47a",
    "val_img_898.png": "e7f9b5580fe1c378d025f4698fde63bec537fecc8a49d08de3afd59bb4f05eab",
    # Seventy-ninth batch (ids val79-*), written before the next round of tuning, over files of its own.
    "bms-bayesian-model-averaging.pdf": "6ee08a976fcac622465748090e962b66a52d9387b4cfbcf863b30fa6fb646953",
    "bms-news.md": "4216950556718b99ee2033e0c140ef8f37f5ef559c64f9a28bdbc69c357cb990",
    "val_img_899.png": "8aae2318e5a016cf04cc9b60d0c3c05b8b940b9ec1a46d4774a39b94bb51e2a6",
    "val_img_900.png": "cf637169c3b270da39b183f81b616b32f8cbef849063576cd33a4b839a6f052c",
    "val_img_901.png": "586e5a9ab36982f95fc0148a4f628a14f4f5b7ef877517e85f52f79eb252fa2e",
    "val_img_902.png": "cfdd41d391a61a0f6d061c31ea20f34ada8dd27f20017bb9c9a154c723054531",
    "val_img_903.png": "fa0ef9455047424f653c7909fe8d537008bd7ddcc24bd223a12ec00850106872",
    "val_img_904.png": "d69d80e920f9c7047a5ac51797a27afe613cce1d134d4d5de8e24bc25427e479",
    "val_img_905.png": "31beb20bc8b5e96e59ab77d300f07fbacd5f6066e02125b70dd051fb02e76b4b",
    "val_img_906.png": "16fb2614084d2ce8357ba2850323db4400b5ed0fa540a1d6aa28a4be4e93918c",
    "val_img_907.png": "fc5eb877c3ee2e414c586c4dfccafec0a630bc910f81077c03c2b1bca8538fb1",
    "val_img_908.png": "963884d2e14a6a663efaccd657e9ce382dac7ce3c22510f3a9a7a32205cdbff5",
    "val_img_909.png": "939950ec5e86108498108f672c459ab38ca8434bace0f5d3db070cac50f7af83",
    "val_img_910.png": "658be01a3e1789e429991efe67aebce17ef5fe33083998a6c65ab68ab917a0f0",
    "val_img_911.png": "5c351973e05076c83c86161ee535cb8dc5e0b2206a145ca3df56d37a344a1d54",
    # Eightieth batch (ids val80-*), written beside the seventy-ninth, over files of its own.
    "poweRlaw-heavy-tailed.pdf": "7918beb7e004df99c7340c8fca35cf4110a4f96cf180d9c473ab7a1ea22e7a13",
    "poweRlaw-news.md": "d02c9ce430773f934ffdffd5446472ea04b010d24b8f6b7d7eaa15c040e731a6",
    "val_img_912.png": "39761cdda6725c1cd7270f8cfd1d0f1720e2bae624791ba5bd27ac9dbe7c8eac",
    "val_img_913.png": "6008ced3b57a2b5e235fc3ed9148a1620e556c564e7051f1b5bb29dd4415bc11",
    "val_img_914.png": "31dcde7fa02c337470bc3f6cace8dfe5697f07bf8cd3cc6ee01b4cf0a3f50310",
    "val_img_915.png": "7fc347c432d86946935915ad2fb0ab3eacbf16b3fe1af483551bc3a8eb6f08d9",
    "val_img_916.png": "17cab958cf86e7ae83d8ebe77b174cd10357e6fde44f4ea9fa734aab8f4fe5dd",
    "val_img_917.png": "74e706fb7097d592b34aae490d0c4d4efb19146c45649e6272dae4e087d81439",
    "val_img_918.png": "ce5ad13be78cbf31568e31d957c279b213ec22f7b0c849ac82ccb5062e88f470",
    "val_img_919.png": "828af5d650867b9b5de33f29c77981f5c9b205792fe0deb4c6558bd3320525f9",
    "val_img_920.png": "1e6f5856e01b91dfbabae8562dca85483a477ebbc843a83b8919787891fb6d5b",
    "val_img_921.png": "f37c895e2a451ed361f56402e4c3c2bb3d309a4a9ad5eeb9768a2c4d961d3f41",
    "val_img_922.png": "46861c01013f1045547f7f837b1e64f62d77584440b250fd91b6942aa62f28c7",
    "val_img_923.png": "131a43ea0f35ae91572e86ab464d97d9d1942fa2e8c833e4a7e44288fb174c51",
    "val_img_924.png": "7842f922d663bb28e5827f4736eb6187507d84d3b8e907ebfe8bf978e0a00744",
}

# Pictures that no question cites: look-alikes of cited pictures, to compete at retrieval time.
DISTRACTORS = {
    "val_img_08.png",
    "val_img_11.jpg",
    "val_img_18.png",
    "val_img_19.png",
    "val_img_23.jpg",
    "val_img_27.png",
    "val_img_32.jpg",
    "val_img_34.jpg",
    "val_img_43.jpg",
    "val_img_53.jpg",
    "val_img_59.png",
    "val_img_68.jpg",
    "val_img_73.jpg",
    "val_img_94.jpg",
    "val_img_97.jpg",
    "val_img_123.png",
    "val_img_134.png",
    "val_img_142.png",
    "val_img_152.png",
    "val_img_167.jpg",
    "val_img_181.jpg",
    "val_img_188.png",
    "val_img_197.jpg",
    "val_img_205.png",
    "val_img_214.png",
    "val_img_228.png",
    "val_img_240.jpg",
    "val_img_245.png",
    "val_img_259.png",
    "val_img_271.jpg",
    "val_img_279.jpg",
    "val_img_290.png",
    "val_img_301.png",
    "val_img_308.jpg",
    "val_img_313.png",
    "val_img_330.jpg",
    "val_img_340.jpg",
    "val_img_344.png",
    "val_img_354.png",
    "val_img_364.png",
    "val_img_375.png",
    "val_img_389.jpg",
    "val_img_394.jpg",
    "val_img_404.png",
    "val_img_413.png",
    "val_img_432.png",
    "val_img_442.png",
    "val_img_444.png",
    "val_img_454.jpg",
    "val_img_469.png",
    "val_img_477.png",
    "val_img_487.png",
    "val_img_494.png",
    "val_img_507.png",
    "val_img_520.jpg",
    "val_img_531.png",
    "val_img_540.png",
    "val_img_550.png",
    "val_img_560.png",
    "val_img_580.png",
    "val_img_590.png",
    "val_img_604.png",
    "val_img_609.png",
    "val_img_622.png",
    "val_img_628.png",
    "val_img_634.png",
    "val_img_652.png",
    "val_img_653.png",
    "val_img_655.png",
    "val_img_666.png",
    "val_img_667.png",
    "val_img_673.png",
    "val_img_682.png",
    "val_img_694.png",
    "val_img_700.png",
    "val_img_706.png",
    "val_img_713.png",
    "val_img_725.png",
    "val_img_728.png",
    "val_img_738.png",
    "val_img_742.png",
    "val_img_745.png",
    "val_img_747.png",
    "val_img_761.png",
    "val_img_766.jpg",
    "val_img_771.png",
    "val_img_778.png",
    "val_img_787.png",
    "val_img_794.png",
    "val_img_797.png",
    "val_img_802.png",
    "val_img_813.jpg",
    "val_img_818.png",
    "val_img_825.png",
    "val_img_830.png",
    "val_img_837.png",
    "val_img_843.png",
    "val_img_855.png",
    "val_img_858.png",
    "val_img_863.png",
    "val_img_869.png",
    "val_img_875.png",
    "val_img_881.png",
    "val_img_889.png",
    "val_img_895.png",
    "val_img_901.png",
    "val_img_904.png",
    "val_img_913.png",
    "val_img_919.png",
}
# Documents no question cites: users-and-groups.docx is made from the page the development set's
# users-and-groups.html comes from, so a question on it would be a development question.
DISTRACTOR_DOCUMENTS = {"users-and-groups.docx"}

# Answers that only a person reads reliably: a colour in a drawing, text in a low-resolution
# screenshot, or a sign photographed in a street, which tesseract misreads. Checked by eye (README).
BY_EYE = {
    "val-fig-03": {"purple", "violet"},
    "val2-fig-14": {"shape=box"},
    "val3-ocr-14": {"double parking"},
    "val4-fig-21": {"blue"},
    "val4-ocr-15": {"pas un pipe"},
    "val5-fig-26": {"green"},
    "val6-ocr-24": {"railroad crossing"},
    "val7-fig-35": {"dashed", "dotted"},
    "val8-ocr-31": {"stop"},
    "val9-fig-40": {"green"},
    "val9-ocr-38": {"yield"},
    "val10-ocr-43": {"velocette"},
    "val11-fig-50": {"hexagon"},
    "val11-ocr-47": {"school"},
    "val12-fig-53": {"grey", "gray"},
    "val12-ocr-49": {"numeration"},
    "val13-fig-59": {"turquoise", "teal", "green"},
    "val13-ocr-52": {"general pannini", "pannini"},
    "val14-ocr-59": {"proportion of crows"},
    "val15-fig-65": {"purple", "violet"},
    "val15-ocr-63": {"white to move"},
    "val16-fig-69": {"yellow"},
    "val17-fig-72": {"orange"},
    "val19-fig-80": {"green"},
    "val20-fig-85": {"purple", "violet"},
    "val21-fig-88": {"pink"},
    "val21-ocr-84": {"2.10"},
    "val22-fig-93": {"orange"},
    "val23-fig-99": {"blue"},
    "val24-fig-100": {"magenta", "pink", "purple"},
    "val24-ocr-99": {"press start to begin", "start to begin"},
    "val25-fig-104": {"grey", "gray"},
    "val26-fig-108": {"green"},
    "val26-ocr-104": {"mclust"},
    "val27-fig-115": {"blue"},
    "val28-fig-116": {"blue"},
    "val28-ocr-115": {"press space to start", "space key", "spacebar"},
    "val29-fig-123": {"yellow"},
    "val29-ocr-119": {"ph 1-14", "1-14", "1 to 14"},
    "val30-fig-126": {"blue"},
    "val31-fig-129": {"red", "pink"},
    "val31-fig-131": {"triangle", "triangles"},
    "val31-ocr-126": {"puzzle 3"},
    "val33-fig-137": {"grey", "gray"},
    "val33-fig-138": {"hammer"},
    "val34-fig-141": {"yellow"},
    "val34-fig-143": {"cyan", "turquoise", "light blue"},
    "val35-fig-144": {"green", "dark green"},
    "val36-fig-151": {"boxes"},
    "val37-fig-153": {"blue"},
    "val59-fig-243": {"red"},
    "val61-fig-250": {"red"},
    "val61-ocr-244": {"level 3"},
    "val61-ocr-245": {"graph label"},
    "val61-ocr-246": {"fill=blue!20,sloped"},
    "val61-ocr-247": {"pgf"},
    "val63-fig-259": {"magenta", "pink", "purple"},
    "val64-fig-263": {"grey", "gray"},
    "val65-fig-267": {"red"},
    "val66-fig-270": {"blue"},
    "val66-fig-271": {"red"},
    "val67-fig-273": {"red"},
    "val67-fig-275": {"green"},
    "val68-fig-276": {"green"},
    "val69-fig-282": {"blue", "dark blue"},
    "val70-fig-284": {"red", "pink"},
    "val70-ocr-280": {"autumn 1646", "1646"},
    "val72-fig-292": {"blue"},
    "val73-fig-298": {"green"},
    "val74-fig-301": {"blue"},
    "val75-fig-305": {"red"},
    "val76-fig-311": {"green"},
    "val77-fig-315": {"green"},
    "val78-fig-318": {"grey", "gray"},
    "val79-fig-320": {"red"},
    "val79-fig-322": {"triangle"},
    "val80-fig-325": {"purple", "magenta"},
}

# Rewordings a correct reply may use that the source itself does not spell this way.
PARAPHRASES = {
    "val-text-03": {"light gray", "lightgrey"},
    "val-text-09": {"100000", "100 000"},
    "val-text-10": {"doesn't do anything", "not do anything"},
    "val-text-13": {"fifteen lines"},
    "val-text-14": {"yes"},
    "val-text-15": {"5 minutes"},
    "val-text-21": {"1700mb/s", "1.7 gb/s"},
    "val-text-23": {"rfc 8878"},
    "val-table-01": {"depends on the shape"},
    "val-table-05": {"pink"},
    "val-table-09": {"0.5"},
    "val-fig-10": {"sky blue"},
    "val-ocr-05": {"two to three months"},
    "val-ocr-06": {"10000", "10 000"},
    "val2-text-30": {"level 6", "preset 6"},
    "val2-text-33": {"4 bytes"},
    "val2-ocr-10": {"65,536"},
    "val3-text-46": {"2 to 4", "2-4"},
    "val3-text-47": {"50 iops"},
    "val3-text-48": {"1 gbe", "1 gigabit"},
    "val3-text-50": {"radial basis"},
    "val3-table-22": {"21 april 2016", "april 21, 2016"},
    "val3-fig-17": {"residuals of the ar(6)"},
    "val3-fig-19": {"3, 6", "3 and 6"},
    "val4-text-59": {"65,536"},
    "val4-fig-22": {"schleswig-holstein"},
    "val4-multi-09": {"64 seconds"},
    "val5-text-66": {"level 6"},
    "val5-text-70": {"one thread"},
    "val5-text-76": {"13 percent"},
    "val6-text-79": {"10 seconds"},
    "val6-text-81": {"128 kb"},
    "val6-text-83": {"not a file transfer tool"},
    "val6-text-87": {"10 runs"},
    "val6-text-89": {"90 and 99"},
    "val7-text-95": {"cannot"},
    "val7-text-96": {"9 kb", "9 kilobytes"},
    "val7-text-98": {"os x", "macos"},
    "val7-fig-33": {"super family"},
    "val7-ocr-27": {"180759"},
    "val8-text-107": {"cannot", "not capable"},
    "val8-text-113": {"yes"},
    "val8-table-47": {"21,614"},
    "val9-text-114": {"10 mb", "10 megabytes"},
    "val9-text-116": {"not in parallel"},
    "val9-text-120": {"latest"},
    "val9-text-122": {"yes"},
    "val9-fig-43": {"1.5, 3.5 and 8"},
    "val9-ocr-35": {"38.3"},
    "val10-text-126": {"once a second", "1 second"},
    "val10-text-128": {"400 kib"},
    "val10-text-130": {"2 to 6 times", "two to six times"},
    "val10-text-133": {"yes"},
    "val10-fig-46": {"gray"},
    "val10-fig-47": {"40 degrees north"},
    "val11-text-138": {"a minute"},
    "val11-text-140": {"tls 1.2"},
    "val11-text-142": {"not retained"},
    "val11-text-146": {"joshua ulrich"},
    "val12-text-151": {"4 mb"},
    "val12-text-154": {"5 to 20%"},
    "val12-table-64": {"72,000"},
    "val12-fig-54": {"500000", "500,000"},
    "val12-fig-55": {"100000", "100,000"},
    "val13-text-167": {"doesn't support", "not supported"},
    "val13-text-168": {"40 percent"},
    "val13-text-172": {"day 28"},
    "val14-text-179": {"does not override", "no, it doesn't"},
    "val14-text-183": {"1.5 pt"},
    "val14-text-184": {"michel dohring"},
    "val14-table-73": {"255, 128, 0"},
    "val15-text-193": {"100 times", "hundred times"},
    "val15-text-196": {"3.3 ex"},
    "val15-table-82": {"2, 7, 6"},
    "val15-fig-66": {"grey"},
    "val15-fig-67": {"+1=0", "euler"},
    "val16-text-199": {"2048-bit"},
    "val16-text-207": {"300"},
    "val16-text-209": {"089 65831933"},
    "val17-text-211": {"only one", "a single password"},
    "val17-text-214": {"center"},
    "val17-text-219": {"2 octaves"},
    "val17-table-88": {"0.5 cm"},
    "val17-fig-73": {"x 3"},
    "val19-text-236": {"level 7"},
    "val19-table-98": {"22082"},
    "val19-table-100": {"344256"},
    "val19-fig-83": {"eight files"},
    "val20-text-255": {"100000 seconds", "100,000 seconds"},
    "val21-text-261": {"won't warn", "does not warn"},
    "val21-text-264": {"cell colours"},
    "val21-text-269": {"sokal and rohlf"},
    "val22-text-270": {"psm 3", "mode 3"},
    "val22-text-278": {"six dimensions", "6 dimensions"},
    "val22-text-279": {"25%, 50%, and 75%"},
    "val22-fig-94": {"scatterplot"},
    "val23-text-282": {"2 spaces"},
    "val23-text-285": {"sources it into the main program"},
    "val23-text-287": {"one byte"},
    "val23-text-291": {"pch=20"},
    "val23-table-119": {"38091"},
    "val23-fig-97": {"gray"},
    "val24-text-294": {"1,000"},
    "val24-text-301": {"january 31, 2023", "31 january 2023"},
    "val24-text-302": {"2 threads", "two threads"},
    "val24-text-304": {"university of basel", "universität basel"},
    "val24-table-124": {"dxt1, dxt3 and dxt5"},
    "val24-table-127": {"24,210.1"},
    "val24-fig-101": {"24 kilohms", "24 kω"},
    "val24-ocr-97": {"400x300"},
    "val24-ocr-98": {"782x699"},
    "val25-text-312": {"4 to 10 times"},
    "val25-table-132": {"202 ns"},
    "val25-fig-105": {"2,800"},
    "val25-fig-106": {"seventh row"},
    "val25-fig-107": {"#808000"},
    "val25-ocr-100": {"two stones"},
    "val25-ocr-101": {"3 lives", "three lives"},
    "val25-multi-51": {"hue, saturation and brightness"},
    "val26-text-318": {"500 ms"},
    "val26-text-326": {"université de strasbourg", "university of strasbourg"},
    "val26-text-328": {"eth zürich"},
    "val26-fig-111": {"subject 335"},
    "val27-text-338": {"royal netherlands institute of sea research"},
    "val27-text-339": {"10%"},
    "val27-text-340": {"17"},
    "val27-table-142": {"a, n"},
    "val27-ocr-108": {"four seconds"},
    "val28-text-342": {"1 second"},
    "val28-text-343": {"5 seconds"},
    "val28-text-345": {"semicolon"},
    "val28-text-353": {"under an hour"},
    "val28-table-145": {"banded anti-robinson form"},
    "val28-fig-117": {"sepal length"},
    "val28-ocr-112": {"level 1"},
    "val28-multi-57": {"linear seriation criterion"},
    "val28-multi-58": {"10 cm"},
    "val29-text-354": {"96 kbps"},
    "val29-text-355": {"20 ms", "20 milliseconds"},
    "val29-text-356": {"48 khz"},
    "val29-table-149": {"22 x 34"},
    "val30-table-153": {"former implementation"},
    "val31-text-379": {"every 10 seconds"},
    "val31-table-159": {"ctrl-r", "ctrl+r"},
    "val31-fig-130": {"second principal component"},
    "val32-text-392": {"1 gb"},
    "val32-text-393": {"1 ms"},
    "val33-text-411": {"5 years"},
    "val33-ocr-133": {"6496 km"},
    "val35-text-428": {"48khz"},
    "val35-multi-71": {"section 2.1"},
    "val36-text-444": {"esrc"},
    "val36-text-449": {"2000 ms", "2 seconds"},
    "val37-text-459": {"metre"},
    "val37-text-461": {"ecological modelling"},
    "val38-text-468": {"very high speed integrated circuits"},
    "val40-text-497": {"se=true"},
    "val59-text-720": {"16 gb"},
    "val59-table-298": {"0.6-0.7"},
    "val59-table-299": {"0.85-0.88"},
    "val59-table-300": {"8 or 9"},
    "val61-text-740": {"base 10"},
    "val66-text-799": {"anticlockwise", "counterclockwise"},
    "val66-fig-269": {"vertical rotating angle"},
    "val69-table-352": {"mp, ml, mr, d, il and ir"},
    "val69-ocr-276": {"10% / 5%"},
    "val71-text-864": {"beta function"},
    "val71-table-361": {"-17.5 °c"},
    "val71-table-362": {"89869 pa"},
    "val74-table-377": {"463833"},
    "val75-fig-306": {"10000"},
    "val76-table-387": {"two"},
    "val76-fig-310": {"washington department of emergency services"},
    "val76-ocr-304": {"271.00"},
    "val76-ocr-305": {"64,900.00"},
    "val76-ocr-306": {"324.58"},
    "val78-fig-316": {"0.71"},
    "val80-fig-324": {"lognormal"},
}

problems = []
notes = []


def problem(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def run(cmd, env=None):
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


_pages = {}
_page_text = {}
_page_ocr = {}
_doc_text = {}
_ocr_text = {}
OCR_ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def pdf_pages(name):
    if name not in _pages:
        out = run(["pdfinfo", os.path.join(CORPUS, name)]).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        _pages[name] = int(m.group(1)) if m else 0
    return _pages[name]


def pdf_page_text(name, page):
    key = (name, page)
    if key not in _page_text:
        path = os.path.join(CORPUS, name)
        parts = []
        for extra in (["-layout"], []):
            r = run(["pdftotext", *extra, "-f", str(page), "-l", str(page), path, "-"])
            parts.append(r.stdout)
        _page_text[key] = norm("\n".join(parts))
    return _page_text[key]


def pdf_page_ocr(name, page):
    """Tesseract's reading of the page rendered at 300 dpi (text inside embedded pictures)."""
    key = (name, page)
    if key not in _page_ocr:
        with tempfile.TemporaryDirectory() as tmp:
            stem = os.path.join(tmp, "page")
            run(
                [
                    "pdftoppm",
                    "-r",
                    "300",
                    "-gray",
                    "-png",
                    "-singlefile",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    os.path.join(CORPUS, name),
                    stem,
                ]
            )
            r = run(["tesseract", stem + ".png", "-"], env=OCR_ENV)
        _page_ocr[key] = norm(r.stdout)
    return _page_ocr[key]


def _xml_text(data):
    """Every text node of an XML part, a space between them."""
    return " ".join(t for t in ET.fromstring(data).itertext() if t.strip())


def _rels(archive, part):
    """Relationship id -> part name, for ``part`` of an OOXML package."""
    folder, base = zip_dirname(part), part.rsplit("/", 1)[-1]
    path = zip_join(folder, "_rels", base + ".rels")
    out = {}
    for rel in ET.fromstring(archive.read(path)):
        target = rel.get("Target")
        # A target is relative to the part's folder, or absolute from the package root.
        out[rel.get("Id")] = (
            target[1:] if target.startswith("/") else zip_normpath(zip_join(folder, target))
        )
    return out


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def office_pages(name):
    """The text of each page of a .pptx (slides), .xlsx (sheets) or .epub (spine sections)."""
    if name in _doc_text:
        return _doc_text[name]
    with zipfile.ZipFile(os.path.join(CORPUS, name)) as archive:
        if name.endswith(".pptx"):
            rels = _rels(archive, "ppt/presentation.xml")
            root = ET.fromstring(archive.read("ppt/presentation.xml"))
            parts = [rels[e.get(R_ID)] for e in root.iter() if e.tag.endswith("}sldId")]
            pages = [_xml_text(archive.read(p)) for p in parts]
        elif name.endswith(".xlsx"):
            rels = _rels(archive, "xl/workbook.xml")
            root = ET.fromstring(archive.read("xl/workbook.xml"))
            parts = [rels[e.get(R_ID)] for e in root.iter() if e.tag.endswith("}sheet")]
            shared = []
            if "xl/sharedStrings.xml" in archive.namelist():
                strings = ET.fromstring(archive.read("xl/sharedStrings.xml"))
                shared = ["".join(si.itertext()) for si in strings if si.tag.endswith("}si")]
            pages = []
            for part in parts:
                cells = []
                for c in ET.fromstring(archive.read(part)).iter():
                    if not c.tag.endswith("}c"):
                        continue
                    value = "".join(c.itertext())
                    cells.append(shared[int(value)] if c.get("t") == "s" and value else value)
                pages.append(" ".join(cells))
        else:  # .epub: container -> package document -> spine
            container = ET.fromstring(archive.read("META-INF/container.xml"))
            opf = next(e.get("full-path") for e in container.iter() if e.tag.endswith("rootfile"))
            package = ET.fromstring(archive.read(opf))
            hrefs = {e.get("id"): e.get("href") for e in package.iter() if e.tag.endswith("}item")}
            spine = [e.get("idref") for e in package.iter() if e.tag.endswith("}itemref")]
            pages = []
            for idref in spine:
                raw = archive.read(zip_normpath(zip_join(zip_dirname(opf), hrefs[idref])))
                pages.append(html.unescape(re.sub(r"<[^>]+>", " ", raw.decode("utf-8"))))
    _doc_text[name] = [norm(p) for p in pages]
    return _doc_text[name]


def doc_text(name):
    if name not in _doc_text and name.lower().endswith(".docx"):
        with zipfile.ZipFile(os.path.join(CORPUS, name)) as archive:
            _doc_text[name] = norm(_xml_text(archive.read("word/document.xml")))
    if name not in _doc_text:
        with open(os.path.join(CORPUS, name), encoding="utf-8", errors="replace") as fh:
            raw = fh.read()
        if name.lower().endswith((".html", ".htm")):
            raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
            raw = re.sub(r"<[^>]+>", " ", raw)
            raw = html.unescape(raw)
        _doc_text[name] = norm(raw)
    return _doc_text[name]


def ocr_text(name):
    if name not in _ocr_text:
        r = run(["tesseract", os.path.join(CORPUS, name), "-"], env=OCR_ENV)
        _ocr_text[name] = norm(r.stdout)
    return _ocr_text[name]


def is_image(name):
    with open(os.path.join(CORPUS, name), "rb") as fh:
        head = fh.read(8)
    return head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")


def image_size(path):
    """(width, height) from a PNG IHDR or a JPEG SOF segment, without Pillow."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data.startswith(b"\x89PNG"):
        return struct.unpack(">II", data[16:24])
    i = 2
    while i + 9 < len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + struct.unpack(">H", data[i + 2 : i + 4])[0]
    return 0, 0


def source_text(src):
    name = src["file"]
    if name.lower().endswith(".pdf"):
        return pdf_page_text(name, src["page"])
    if name.lower().endswith(PAGED_EXT):
        return office_pages(name)[src["page"] - 1]
    return doc_text(name)


def check_manifest():
    present = sorted(os.listdir(CORPUS)) if os.path.isdir(CORPUS) else []
    for name in present:
        if name not in SHA256:
            problem(f"corpus/{name}: not in the manifest")
            continue
        digest = file_sha256(os.path.join(CORPUS, name))
        if digest != SHA256[name]:
            problem(f"corpus/{name}: sha256 {digest} differs from the manifest")
    for name in SHA256:
        if name not in present:
            problem(f"corpus/{name}: missing")


def file_sha256(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def shared_files(corpus, others):
    """(name, other path) for every file of ``corpus`` whose sha256 equals that of a file
    anywhere under one of the folders ``others``."""
    seen = {}
    for folder in others:
        for root, _dirs, files in os.walk(folder):
            for f in sorted(files):
                path = os.path.join(root, f)
                seen.setdefault(file_sha256(path), path)
    out = []
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        digest = file_sha256(path) if os.path.isfile(path) else None
        if digest in seen:
            out.append((name, seen[digest]))
    return out


def check_disjoint(dev_corpora=DEV_CORPORA, samples=SAMPLES_CORPUS):
    """No file may be byte-identical to one of the development set or of samples/corpus."""
    others = []
    dev = next((d for d in dev_corpora if os.path.isdir(d)), None)
    if dev is None:
        notes.append(
            "development corpus not found (looked in "
            + ", ".join(dev_corpora)
            + "): the check that no file is shared with it was skipped"
        )
    else:
        others.append(dev)
    if os.path.isdir(samples):
        others.append(samples)
    else:
        notes.append(f"{samples} not found: the check that no file is shared with it was skipped")
    for name, other in shared_files(CORPUS, others):
        problem(
            f"corpus/{name}: byte-identical to {other}; the validation set must share no file"
            " with the development set or samples/corpus"
        )


def check_budget():
    present = [n for n in SHA256 if os.path.isfile(os.path.join(CORPUS, n))]
    pages = sum(pdf_pages(n) for n in present if n.endswith(".pdf"))
    if pages > MAX_PDF_PAGES:
        problem(f"PDFs hold {pages} pages in all, more than {MAX_PDF_PAGES}")
    for name in present:
        if name.lower().endswith(IMAGE_EXT):
            w, h = image_size(os.path.join(CORPUS, name))
            if w * h > MAX_PIXELS:
                problem(f"corpus/{name}: {w}x{h} is more than {MAX_PIXELS} pixels")
    size = sum(os.path.getsize(os.path.join(CORPUS, n)) for n in present)
    if size > MAX_BYTES:
        problem(f"corpus holds {size} bytes, more than {MAX_BYTES}")
    return pages, size


def check_source(qid, src, kind):
    """Return True when the source itself is usable."""
    if not isinstance(src, dict) or not isinstance(src.get("file"), str) or not src["file"]:
        problem(f"{qid}: bad source {src!r}")
        return False
    name = src["file"]
    extra = set(src) - {"file", "page"}
    if extra:
        problem(f"{qid}: source has unknown fields {sorted(extra)}")
    if "/" in name or "\\" in name:
        problem(f"{qid}: source must be a bare file name in corpus/, got {name!r}")
        return False
    if not os.path.isfile(os.path.join(CORPUS, name)):
        problem(f"{qid}: cited file {name} does not exist in corpus/")
        return False
    lower = name.lower()
    if lower.endswith(".pdf"):
        page = src.get("page")
        if not isinstance(page, int) or isinstance(page, bool):
            problem(f"{qid}: PDF source {name} needs an integer page")
            return False
        n = pdf_pages(name)
        if not 1 <= page <= n:
            problem(f"{qid}: page {page} outside 1..{n} of {name}")
            return False
    elif lower.endswith(PAGED_EXT):
        page = src.get("page")
        if not isinstance(page, int) or isinstance(page, bool):
            problem(f"{qid}: {name} source needs an integer page (slide, sheet or section)")
            return False
        n = len(office_pages(name))
        if not 1 <= page <= n:
            problem(f"{qid}: page {page} outside 1..{n} of {name}")
            return False
    else:
        if "page" in src:
            problem(f"{qid}: {name} has no pages and must not carry a page")
        if lower.endswith(IMAGE_EXT):
            if not is_image(name):
                problem(f"{qid}: {name} is not a PNG or JPEG image")
                return False
        elif not lower.endswith(DOC_EXT):
            problem(f"{qid}: unsupported source type {name}")
            return False
    if kind in ("image", "ocr") and not lower.endswith(IMAGE_EXT):
        problem(f"{qid}: kind {kind} must cite an image, got {name}")
        return False
    if kind in TEXT_KINDS | {"multi"} and lower.endswith(IMAGE_EXT):
        problem(f"{qid}: kind {kind} must cite a document, got {name}")
        return False
    return True


def check_answers_in(qid, answers, haystack, where):
    """The first answer must occur; the others must occur unless listed as paraphrases."""
    allowed = PARAPHRASES.get(qid, set()) | BY_EYE.get(qid, set())
    if norm(answers[0]) in allowed:
        problem(f"{qid}: the first answer {answers[0]!r} must be one the source spells out")
    for a in answers:
        if norm(a) in haystack:
            continue
        if norm(a) in allowed:
            continue
        problem(f"{qid}: answer {a!r} not found in {where}")


def check_answers(qid, kind, answers, sources, have_tesseract):
    target = sources[-1]
    where = target["file"] + (f" p.{target['page']}" if "page" in target else "")
    if qid in BY_EYE:
        notes.append(f"{qid}: {sorted(BY_EYE[qid])} checked by eye on {where}")
        return
    if kind in TEXT_KINDS or kind == "multi":
        haystack = source_text(target)
        missing = [a for a in answers if norm(a) not in haystack]
        if kind == "figure" and "page" in target and missing:
            if not have_tesseract:
                notes.append(f"{qid}: page OCR skipped (tesseract not installed)")
                return
            haystack = haystack + " " + pdf_page_ocr(target["file"], target["page"])
        check_answers_in(qid, answers, haystack, where)
    elif kind == "ocr":
        if not have_tesseract:
            notes.append(f"{qid}: OCR check skipped (tesseract not installed)")
            return
        name = sources[0]["file"]
        check_answers_in(qid, answers, ocr_text(name), f"tesseract output of {name}")


def check_question(lineno, line, ids, cited, counts, have_tesseract):
    try:
        q = json.loads(line)
    except json.JSONDecodeError as e:
        problem(f"line {lineno}: not JSON ({e})")
        return
    fields = {"id", "question", "answers", "sources", "kind"}
    qid = q.get("id", f"line {lineno}")
    if fields - set(q):
        problem(f"{qid}: missing fields {sorted(fields - set(q))}")
        return
    if set(q) - fields:
        problem(f"{qid}: unknown fields {sorted(set(q) - fields)}")
    kind = q["kind"]
    if kind not in KINDS:
        problem(f"{qid}: unknown kind {kind!r}")
        return
    m = (
        re.fullmatch(
            r"val(?:[2-9]|1[0-9]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|6[0-9]|7[0-9]|80)?-([a-z]+)-(\d{2,3})",
            qid,
        )
        if isinstance(qid, str)
        else None
    )
    if not m or ID_KIND.get(m.group(1)) != kind:
        problem(f"{qid}: id must be val-<kind>-NN, or val2- to val80-<kind>-NN, matching {kind}")
    if qid in ids:
        problem(f"{qid}: duplicate id")
    ids.add(qid)
    counts[kind] = counts.get(kind, 0) + 1
    if not isinstance(q["question"], str) or not q["question"].strip():
        problem(f"{qid}: empty question")
    answers, sources = q["answers"], q["sources"]
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        problem(f"{qid}: answers must be a list of non-empty strings")
        return
    if not isinstance(sources, list):
        problem(f"{qid}: sources must be a list")
        return
    if kind == "unanswerable":
        if answers or sources:
            problem(f"{qid}: unanswerable questions need answers [] and sources []")
        return
    if not 1 <= len(answers) <= 3:
        problem(f"{qid}: give 1-3 answers, got {len(answers)}")
    if not answers or not sources:
        problem(f"{qid}: needs answers and sources")
        return
    if kind == "multi" and len(sources) < 2:
        problem(f"{qid}: multi needs at least two sources")
    if kind != "multi" and len(sources) != 1:
        problem(f"{qid}: kind {kind} takes exactly one source")
    ok = [check_source(qid, s, kind) for s in sources]
    for s in sources:
        if isinstance(s, dict) and isinstance(s.get("file"), str):
            cited.add(s["file"])
    if all(ok):
        check_answers(qid, kind, answers, sources, have_tesseract)


def check_coverage(cited):
    images = {n for n in SHA256 if n.lower().endswith(IMAGE_EXT)}
    for name in sorted(images - cited - DISTRACTORS):
        problem(f"{name}: image neither cited nor listed as a distractor")
    for name in sorted(DISTRACTORS & cited):
        problem(f"{name}: listed as a distractor but cited by a question")
    for name in sorted(set(SHA256) - images - cited - DISTRACTOR_DOCUMENTS):
        problem(f"{name}: document cited by no question")
    for name in sorted(DISTRACTOR_DOCUMENTS & cited):
        problem(f"{name}: listed as a distractor but cited by a question")


def main():
    for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} not found: install poppler-utils and run again.")
            return 2
    have_tesseract = shutil.which("tesseract") is not None
    check_manifest()
    check_disjoint()
    pages, size = check_budget()

    ids, cited, counts = set(), set(), {}
    with open(QUESTIONS, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            problem(f"line {lineno}: blank line")
            continue
        check_question(lineno, line, ids, cited, counts, have_tesseract)
    check_coverage(cited)
    for qid in sorted(set(BY_EYE) | set(PARAPHRASES)):
        if qid not in ids:
            problem(f"{qid}: listed in BY_EYE/PARAPHRASES but not a question")

    for n in notes:
        print("NOTE:", n)
    total = sum(counts.values())
    print(f"corpus: {len(SHA256)} files, {pages} PDF pages, {size} bytes")
    print("questions:", total, "|", ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
