/** Vietnamese text of the app's frame. */
export const text = {
  sections: 'Các phần của phần mềm',
  brand: 'Thường trực PCMD',
  brandSub: 'Phòng, chống mại dâm',
};
